//! CSV ingestion: encodings, delimiters, locale-aware numbers and dates,
//! column mapping and the four datasets (surveys, subscriptions, transactions,
//! support contacts).
