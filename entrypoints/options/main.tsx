import { render } from 'preact';
import { createUserIdStore } from '../../lib/storage/userid-store.ts';
import '../../components/theme.css';
import './options.css';
import { App } from './App.tsx';

const store = createUserIdStore();
void store.ready();
render(<App store={store} search={location.search} />, document.getElementById('app')!);
