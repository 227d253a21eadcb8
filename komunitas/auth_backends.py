"""How people sign in: Django's model backend, telling a switched-off account so."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .prepared import Prepared

# The signed-in user, read on every request: its SQL built once per process (``komunitas.prepared``).
_user = Prepared(lambda user_id: get_user_model()._default_manager.filter(pk=user_id), user_id=int)


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

    def get_user(self, user_id):
        """ModelBackend's, read afresh on every request as there: a switched-off account is refused at once, and
        Django compares the password's hash with the session's (a changed password signs every other session
        out)."""
        try:
            user = _user.first(user_id=int(user_id))
        except (TypeError, ValueError):
            return None
        return user if user is not None and self.user_can_authenticate(user) else None
