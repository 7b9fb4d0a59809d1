//! The one error loading gives: a single line naming the file and, inside the document, the
//! line:column and JSON path.

/// Why loading failed. Each displays as a single line naming the file and, where the
/// problem is inside the document, its line:column and JSON path.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: {message}")]
    Read { file: String, message: String },
    #[error("{file}:{line}:{column}: {path}: {message}")]
    Invalid {
        file: String,
        line: usize,
        column: usize,
        path: String,
        message: String,
    },
    #[error("{file}:{line}:{column}: {path}: contest id \"{id}\" is already used in {first_file}")]
    ClashingId {
        id: String,
        first_file: String,
        file: String,
        line: usize,
        column: usize,
        path: String,
    },
}

impl From<crate::import::ImportError> for LoadError {
    fn from(e: crate::import::ImportError) -> LoadError {
        use crate::import::ImportError;
        match e {
            ImportError::File { file, message } => LoadError::Read { file, message },
            ImportError::Row {
                file,
                line,
                message,
            } => LoadError::Read {
                file: format!("{file}:{line}"),
                message,
            },
            ImportError::At {
                file,
                line,
                column,
                path,
                message,
            } => LoadError::Invalid {
                file,
                line,
                column,
                path,
                message,
            },
        }
    }
}
