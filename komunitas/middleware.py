"""Indonesian unless the user chose otherwise (Indonesian is the default language).

The browser's Accept-Language is ignored: many phones and laptops in Indonesian schools are set to English,
and their users still expect the school's app in Bahasa Indonesia. The ID/EN switch sets the language cookie,
which LocaleMiddleware honours.
"""


class IgnoreBrowserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
