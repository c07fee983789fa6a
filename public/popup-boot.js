// Before the popup's first paint: the URL's theme, and the other language's markup kept hidden (see start.tsx).
(function () {
  var query = new URLSearchParams(location.search);
  var root = document.documentElement;
  var theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  var lang = query.get('lang');
  if ((lang === 'zh' || lang === 'en') && root.lang.slice(0, 2) !== lang) root.setAttribute('data-other-lang', '');
  // A tab clicked before the app has come (the page's markup has no handlers) is chosen again by
  // the app once it has (start.tsx): the click is not lost.
  document.addEventListener('click', function (event) {
    var target = event.target;
    var tab = target && target.closest ? target.closest('[role=tab]') : null;
    if (tab && tab.id && !root.hasAttribute('data-app')) root.setAttribute('data-early-tab', tab.id);
  }, true);
})();
