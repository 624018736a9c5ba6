using LicenseAllocation.Testing;

// One throwaway PostgreSQL cluster for the run: the API race runs on it as well as on SQLite.
[assembly: AssemblyFixture(typeof(PostgresCluster))]
