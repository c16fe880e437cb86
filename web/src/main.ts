import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { applyLang } from './lib/i18n.svelte';

applyLang();
const target = document.getElementById('app');
if (target) {
  target.replaceChildren();
  mount(App, { target });
}
