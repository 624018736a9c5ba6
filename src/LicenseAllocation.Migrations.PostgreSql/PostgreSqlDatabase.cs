using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Migrations.PostgreSql;

/// <summary>Points a context at PostgreSql with the migrations kept in this assembly.</summary>
public static class PostgreSqlDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseNpgsql(connectionString, options => options.MigrationsAssembly(typeof(PostgreSqlDatabase).Assembly.GetName().Name));
    }
}
