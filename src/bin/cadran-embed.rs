//! The "Embed this calculator" builder as a module of its own, imported by the app shell the first
//! time the page opens (see `cadran::lazy`).

cadran::lazy_module!(cadran::pages::embed::EmbedPage);
