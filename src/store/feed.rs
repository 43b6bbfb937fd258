//! What both stores keep of a lieux feed's file, to ask its server next time whether it
//! changed.

/// What a server said of a file, to ask next time whether it changed (HTTP's validators).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}
