#[macro_export]
macro_rules! record {
    ($line:expr) => {
        crate::audit(&$line)
    };
}
