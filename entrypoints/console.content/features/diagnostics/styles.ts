// The "Copy diagnostics" button and panel styles, in the feature's closed shadow root. Plain CSS
// in a string: the feature draws its panel with the DOM, without the lazily loaded UI bundle.
export const DIAGNOSTICS_CSS = `
:host { all: initial; }
.trigger {
  all: initial;
  font: 600 11px/16px system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', sans-serif;
  color: #0052cc; background: #eef5ff; border: 1px solid #b8d4ff; border-radius: 9px;
  padding: 0 7px; margin: 0 4px; cursor: pointer; white-space: nowrap;
}
.trigger:hover, .trigger[aria-expanded='true'] { background: #0052cc; color: #fff; }
.trigger:focus-visible { outline: 2px solid #0052cc; outline-offset: 1px; }
.panel {
  --bg: #ffffff; --bg-soft: #f4f6f9; --fg: #1d2129; --fg-soft: #535b68; --border: #dcdfe6;
  --accent: #0052cc; --accent-fg: #ffffff; --ok: #05652f; --ok-bg: #e8f7ee; --bad: #b3261e;
  --bad-bg: #fdecec; --warn: #7a4300; --warn-bg: #fff5e0;
  --mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace;
  position: absolute; z-index: 2147483000; top: calc(100% + 4px); left: 0;
  width: 580px; max-width: 92vw; max-height: 80vh; overflow: auto;
  padding: 8px 12px 10px; box-sizing: border-box;
  background: var(--bg); color: var(--fg); color-scheme: light;
  border: 1px solid var(--border); border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
  font: 13px/1.5 system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;
  text-align: left; white-space: normal; letter-spacing: normal;
}
.panel.right { left: auto; right: 0; }
.panel * { box-sizing: border-box; }
.panel :focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.panel header { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin-bottom: 4px; }
.panel header strong { font-size: 13px; }
.panel button {
  font: inherit; border: 1px solid var(--border); background: var(--bg-soft); color: var(--fg);
  border-radius: 4px; padding: 2px 10px; cursor: pointer;
}
.panel button:hover { border-color: var(--accent); }
.panel button.primary, .panel button[aria-checked='true'] { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
.panel .row { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; margin: 6px 0; }
.panel .switch { display: flex; gap: 6px; align-items: center; font-weight: 600; margin: 6px 0 0; cursor: pointer; }
.panel .switch input { margin: 0; }
.panel .help { color: var(--fg-soft); font-size: 12px; margin: 2px 0; }
.panel .banner { border-radius: 6px; padding: 4px 10px; margin: 6px 0; font-weight: 600; font-size: 12px; }
.panel .banner.ok { background: var(--ok-bg); color: var(--ok); }
.panel .banner.bad { background: var(--bad-bg); color: var(--bad); }
.panel .banner.warn { background: var(--warn-bg); color: var(--warn); }
.panel .banner:empty { display: none; }
.panel pre {
  font-family: var(--mono); font-size: 11.5px; line-height: 1.45; background: var(--bg-soft);
  border: 1px solid var(--border); border-radius: 6px; padding: 6px 8px; margin: 6px 0;
  max-height: 280px; overflow: auto; white-space: pre-wrap; word-break: break-word;
}
`;
