"""How people sign in: Django's model backend, telling a switched-off account so."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class SignInBackend(ModelBackend):
    """Checks the password of a switched-off account too, so that the sign-in form says the account was
    switched off (``SignInForm``'s "inactive") instead of "wrong password". Such an account still gets no
    session: ``get_user`` (ModelBackend's) refuses it."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        username = username if username is not None else kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            User().set_password(password)  # as long as for a real account: no telling who exists
            return None
        return user if user.check_password(password) else None
