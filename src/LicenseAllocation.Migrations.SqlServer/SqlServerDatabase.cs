using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Migrations.SqlServer;

/// <summary>Points a context at SqlServer with the migrations kept in this assembly.</summary>
public static class SqlServerDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseSqlServer(connectionString, options => options.MigrationsAssembly(typeof(SqlServerDatabase).Assembly.GetName().Name));
    }
}
