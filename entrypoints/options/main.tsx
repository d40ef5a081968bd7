import { render } from 'preact';
import '../../components/ui/theme.css';
import { OptionsApp } from './options-app';

render(<OptionsApp />, document.getElementById('app')!);
