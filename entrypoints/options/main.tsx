import { render } from 'preact';

render(<p>IM Console Helper</p>, document.getElementById('app')!);
