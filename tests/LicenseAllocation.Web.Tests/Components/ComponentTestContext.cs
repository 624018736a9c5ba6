using System.Globalization;
using Bunit;
using LicenseAllocation.Application;
using LicenseAllocation.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>A bUnit context with MudBlazor and the real application services over a seeded SQLite file.</summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected SqliteTestDatabase Database { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        // A two-core CI machine running other test assemblies at once needs more than bUnit's default second.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Database = await SqliteTestDatabase.CreateAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(Database.Factory);
        Services.AddLicenseAllocationApplication();
        AddServices();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>More services for a test class; bUnit takes no registrations once a service has been resolved.</summary>
    protected virtual void AddServices()
    {
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Sets the culture of the test's own flow; a culture set during fixture set-up does not reach the test body.</summary>
    protected static void UseCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
