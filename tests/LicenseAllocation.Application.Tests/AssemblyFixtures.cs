using LicenseAllocation.Testing;

// One PostgreSQL cluster for the whole run: starting one takes seconds, a database of its own per test takes milliseconds.
[assembly: AssemblyFixture(typeof(PostgresCluster))]
