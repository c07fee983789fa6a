// @vitest-environment happy-dom
// github-url-detection style: every example page runs against every detector; each must match
// its own tool and no other.
import { describe, expect, it } from 'vitest';
import { TOOL_IDS, TOOLS, detectTool, detectTools, toolsForUrl } from '../../../lib/console/tools.ts';
import { TOOL_EXAMPLES, noToolExamples } from './examples/index.ts';
import { parsePage } from './parse-page.ts';

describe('every detector against every example', () => {
  for (const own of TOOL_IDS) {
    for (const example of TOOL_EXAMPLES[own]) {
      it(`${own}: ${example.name}`, () => {
        const doc = parsePage(example.html);
        for (const id of TOOL_IDS) {
          expect(detectTool(id, doc, example.url) !== undefined, `detector ${id}`).toBe(id === own);
        }
        const [found] = detectTools(doc, example.url);
        expect(found?.root).toBe(doc.querySelector('[data-expect-root]'));
      });
    }
  }
  for (const example of noToolExamples) {
    it(`no tool: ${example.name}`, () => {
      expect(detectTools(parsePage(example.html), example.url)).toEqual([]);
    });
  }
});

describe('detectTools', () => {
  it('finds the two tools of one page, in document order, each with its own section', () => {
    const doc = parsePage(
      TOOL_EXAMPLES['usersig-verifier'][0]!.html.replace('data-expect-root', 'id="second"') +
        TOOL_EXAMPLES['usersig-generator'][0]!.html.replace('data-expect-root', 'id="first"'),
    );
    const tools = detectTools(doc, 'https://console.cloud.tencent.com/im/tool-usersig');
    expect(tools.map((t) => t.id)).toEqual(['usersig-verifier', 'usersig-generator']);
    expect(tools.map((t) => t.root.id)).toEqual(['second', 'first']);
    expect(tools.every((t) => t.lang === 'zh' && t.exactHeading && t.urlMatches)).toBe(true);
  });

  it('reports the heading language and whether the URL agrees', () => {
    const [tool] = detectTools(parsePage(TOOL_EXAMPLES['usersig-generator'][3]!.html), 'https://console.tencentcloud.com/im/detail');
    expect(tool).toMatchObject({ id: 'usersig-generator', lang: 'en', exactHeading: true, urlMatches: false });
  });

  it('accepts a heading the name leads on any route, and loose wording only on the tool route', () => {
    const named = '<section><h3>Offline Push Issue Finder (Beta)</h3><input placeholder="UserID"></section>';
    for (const path of ['/im/tool-push-check', '/im/tool-usersig', '/im/anything/new']) {
      expect(detectTools(parsePage(named), `https://console.tencentcloud.com${path}`), path).toMatchObject([{ id: 'offline-push', exactHeading: true }]);
    }
    const loose = '<section><h3>Offline Push Troubleshooting</h3><input placeholder="UserID"></section>';
    expect(detectTools(parsePage(loose), 'https://console.tencentcloud.com/im/tool-push-check')).toMatchObject([
      { id: 'offline-push', exactHeading: false, urlMatches: true },
    ]);
    expect(detectTools(parsePage(loose), 'https://console.tencentcloud.com/im/tool-usersig')).toEqual([]);
  });

  it('prefers the exact heading when a loose one is also on the page', () => {
    const doc = parsePage(
      '<div><h3>Troubleshooting Logs</h3><input id="loose"></div><div id="exact"><h3>自助排障日志</h3><input></div>',
    );
    const [tool] = detectTools(doc, 'https://console.cloud.tencent.com/im/tool-log');
    expect(tool?.root.id).toBe('exact');
    expect(tool?.exactHeading).toBe(true);
  });

  it('finds nothing in an empty document and does not throw on a bad URL', () => {
    expect(detectTools(parsePage(''), 'not a url')).toEqual([]);
    expect(detectTools(parsePage(TOOL_EXAMPLES['offline-push'][0]!.html), '')).toHaveLength(1);
  });
});

describe('tool table', () => {
  it('lists each tool once, with a zh and an en heading', () => {
    expect(Object.keys(TOOLS).sort()).toEqual([...TOOL_IDS].sort());
    for (const id of TOOL_IDS) {
      expect(TOOLS[id].headings.zh.length).toBeGreaterThan(0);
      expect(TOOLS[id].headings.en.length).toBeGreaterThan(0);
    }
  });

  it('maps console routes to the tools they show', () => {
    expect(toolsForUrl('https://console.cloud.tencent.com/im/tool-push-check')).toEqual(['offline-push', 'user-status']);
    expect(toolsForUrl('https://console.tencentcloud.com/im/tool-usersig/?sdkappid=1')).toEqual(['usersig-generator', 'usersig-verifier']);
    expect(toolsForUrl('https://console.cloud.tencent.com/im/tool-log#x')).toEqual(['troubleshooting-log']);
    expect(toolsForUrl('https://console.cloud.tencent.com/im/detail')).toEqual([]);
  });
});
