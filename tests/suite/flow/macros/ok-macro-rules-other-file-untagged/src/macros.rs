macro_rules! record {
    ($line:expr) => {
        crate::audit(&$line)
    };
}

macro_rules! masked {
    ($x:expr) => {
        String::from("***")
    };
}
