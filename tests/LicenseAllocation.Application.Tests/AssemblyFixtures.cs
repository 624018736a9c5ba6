using LicenseAllocation.Testing;
using Xunit;

// One PostgreSQL cluster for the whole run: starting one takes seconds, a database of its own per test takes milliseconds.
[assembly: AssemblyFixture(typeof(PostgresCluster))]
