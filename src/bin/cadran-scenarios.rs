//! The scenario workbench as a module of its own, imported by the app shell the first
//! time the page opens (see `cadran::lazy`).

cadran::lazy_module!(cadran::pages::scenarios::ScenariosPage);
