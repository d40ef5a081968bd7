import { render } from 'preact';
import '../../components/ui/theme.css';
import { App } from './app';

render(<App />, document.getElementById('app')!);
