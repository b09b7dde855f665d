//! Yew function components, one per file.
