// Local imitations of real sites, served on 127.0.0.1 for the tests, the benchmarks and the demo.
