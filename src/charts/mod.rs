//! Charts drawn by the app as SVG: no JavaScript chart library. Each chart
//! has a text alternative (a table or a summary) for screen readers.

pub mod axis;
pub mod coord;
pub mod line;
pub mod tornado;
pub mod width;
pub mod waterfall;
pub mod bars;
pub mod heatmap;
pub mod trend;
