pub fn ok() {}

fn broken( {
