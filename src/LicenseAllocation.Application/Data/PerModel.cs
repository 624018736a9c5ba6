using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LicenseAllocation.Application.Data;

/// <summary>
/// Something made once for each model a context runs with: a query compiled with <c>EF.CompileAsyncQuery</c> (EF
/// refuses to run a compiled query with another model than the first), or statement text named from the model. One
/// process can hold several models: SQLite and PostgreSQL contexts side by side (the tests, the benchmarks, a copy to
/// another database), or the same provider configured differently.
/// </summary>
internal sealed class PerModel<T>(Func<IModel, T> create)
    where T : class
{
    private readonly ConditionalWeakTable<IModel, T> _byModel = [];

    public T For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var model = db.Model;
        return _byModel.TryGetValue(model, out var made) ? made : _byModel.GetValue(model, create.Invoke);
    }
}
