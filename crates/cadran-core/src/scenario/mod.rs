//! What-if scenarios: a baseline, up to four variants, and the month-by-month
//! projection engine behind the retention, CLV and ROI what-if pages.
