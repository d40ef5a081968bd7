import { render } from 'preact';
import { ReportApp } from './report-app';
import { sourceFromUrl } from './source';

render(<ReportApp source={sourceFromUrl(location.search)} />, document.getElementById('app')!);
