using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Domain.Allocations;
using Microsoft.Extensions.Options;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Import;

/// <summary>An import holds its user's import lease for as long as it runs, and gives it back however it ends.</summary>
public sealed class ImportLimitsTests : IAsyncLifetime
{
    private readonly UserOperations _operations = new();
    private ImportBed _bed = default!;
    private ImportService _imports = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _bed = await ImportBed.CreateAsync();
        _imports = new ImportService(_bed.Database.Factory, new QuantityBatchService(_bed.Database.Factory, TimeProvider.System), _bed.Needs, Options.Create(new ImportOptions()), operations: _operations);
    }

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task A_second_import_by_the_same_user_is_refused_while_the_first_runs_and_others_go_on()
    {
        var file = await _bed.TemplateAsync(ImportBed.Admin, _bed.CaoLanh);

        using (_operations.TryStart(ImportBed.Admin.UserName, UserOperation.Import))
        {
            (await _imports.PreviewAsync(ImportBed.Admin, new ImportRequest(_bed.PlanId, file), Ct)).Refusal.ShouldBe(AllocationError.ImportInProgress());
            (await _imports.ApplyAsync(ImportBed.Admin, new ImportRequest(_bed.PlanId, file, Reason: "Thử"), Ct)).Refusal.ShouldBe(AllocationError.ImportInProgress());
            (await _imports.PreviewAsync(_bed.CaoLanhOfficer, new ImportRequest(_bed.PlanId, file), Ct)).Refusal.ShouldBeNull();
        }

        (await _imports.PreviewAsync(ImportBed.Admin, new ImportRequest(_bed.PlanId, file), Ct)).Refusal.ShouldBeNull();
    }

    [Fact]
    public async Task An_import_whose_client_went_away_stops_and_gives_its_lease_back()
    {
        var file = await _bed.TemplateAsync(ImportBed.Admin, _bed.CaoLanh);
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();

        Exception? stopped = null;
        try
        {
            await _imports.PreviewAsync(ImportBed.Admin, new ImportRequest(_bed.PlanId, file), gone.Token);
        }
        catch (OperationCanceledException exception)
        {
            stopped = exception;
        }

        stopped.ShouldNotBeNull();

        _operations.IsRunning(ImportBed.Admin.UserName, UserOperation.Import).ShouldBeFalse();
    }
}
