import { render } from 'preact';
import '../../components/ui/theme.css';
import '../../components/viewer/viewer.css';
import { ViewerApp } from './viewer-app';

render(<ViewerApp />, document.getElementById('app')!);
