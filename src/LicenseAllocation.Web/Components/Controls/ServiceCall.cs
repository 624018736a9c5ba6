using LicenseAllocation.Application.Common;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Web.Hosting;
using LicenseAllocation.Web.Localization;

namespace LicenseAllocation.Web.Components.Controls;

/// <summary>
/// The busy/refusal pattern around one service call, held by a page or a part: while it runs <see cref="Busy"/> is
/// true (buttons disable themselves), and a refusal is kept as the sentence the service explains it with (a database outage
/// included: <c>database-unavailable</c>).
/// </summary>
public sealed class ServiceCall
{
    public bool Busy { get; private set; }

    /// <summary>The last refusal, in the reader's language with its numbers; null after a success.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Runs <paramref name="call"/> unless one is already running; returns the value, or default when refused.</summary>
    public async Task<(bool Succeeded, T? Value)> RunAsync<T>(Func<Task<Outcome<T>>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (Busy)
        {
            return (false, default);
        }

        Busy = true;
        try
        {
            var outcome = await call();
            Refusal = outcome.Succeeded ? null : Ui.Refusal(outcome.Error);
            return outcome.Succeeded ? (true, outcome.Value) : (false, default);
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception))
        {
            // Nothing was saved (one transaction); the page stays as it was and says so, and the next try may succeed.
            Refusal = Ui.Refusal(AllocationError.DatabaseUnavailable());
            return (false, default);
        }
        finally
        {
            Busy = false;
        }
    }

    public void Clear() => Refusal = null;
}
