using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LicenseAllocation.Application.Data;

/// <summary>
/// A query compiled once (<c>EF.CompileAsyncQuery</c>) for each model it runs against. EF refuses to run a compiled
/// query with another model than the first, and one process can hold several: SQLite and PostgreSQL contexts side by
/// side (the tests, the benchmarks, a copy to another database), or the same provider configured differently.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.TryGetValue(db.Model, out var query) ? query : _byModel.GetValue(db.Model, _ => compile());
    }
}
