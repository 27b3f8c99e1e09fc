fn main() {
    cadran::start();
}
