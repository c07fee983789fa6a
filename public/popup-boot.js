// Runs before the popup's first paint: see startPopup in entrypoints/popup/start.tsx.
(function () {
  var query = new URLSearchParams(location.search);
  var root = document.documentElement;
  var theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  var lang = query.get('lang');
  if ((lang === 'zh' || lang === 'en') && root.lang.slice(0, 2) !== lang) root.setAttribute('data-other-lang', '');
  function early(event) {
    var target = event.target;
    if (root.hasAttribute('data-app') || !target.closest) return;
    var tab = target.closest('[role=tab]');
    var pref = target.getAttribute('data-pref');
    if (tab && tab.id) root.setAttribute('data-early-tab', tab.id);
    if (pref) root.setAttribute('data-early-' + pref, target.value);
  }
  document.addEventListener('click', early, true);
  document.addEventListener('change', early, true);
})();
