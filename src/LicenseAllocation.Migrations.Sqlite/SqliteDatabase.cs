using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Migrations.Sqlite;

/// <summary>
/// Points a context at Sqlite with the migrations kept in this assembly; its writers take turns in the process
/// (<see cref="SqliteWriteGate"/>) instead of sleeping on the file's busy lock.
/// </summary>
public static class SqliteDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .UseSqlite(connectionString, options => options.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name))
            .AddInterceptors(SqliteWriteGate.Instance);
    }
}
