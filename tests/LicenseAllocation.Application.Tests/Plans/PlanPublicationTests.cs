using ClosedXML.Excel;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Plans;

public sealed class PlanPublicationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 1, 6, 2, 0, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = default!;
    private PlanPublication _publication = default!;
    private int _planId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync(clock: _clock);
        _publication = new PlanPublication(_database.Factory, _clock);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Task<Common.Outcome<PlanSummary>> PublishAsync(string? number, DateOnly? date, string? signer, Caller? caller = null) =>
        _publication.PublishAsync(caller ?? SeededPlan.Admin, new PublishPlan(_planId, number, date, signer), Ct);

    [Fact]
    public async Task Publishing_records_the_letter_with_its_signer_who_published_and_when_and_locks_the_plan()
    {
        var outcome = await PublishAsync(" 12/STTTT-CNTT ", new DateOnly(2021, 1, 5), "Phó Giám đốc Nguyễn Văn An");

        var plan = outcome.Value.ShouldNotBeNull();
        plan.Status.ShouldBe(PlanStatus.Published);
        plan.IsLocked.ShouldBeTrue();
        var letter = plan.Document.ShouldNotBeNull();
        (letter.Number, letter.Date, letter.Precision, letter.Signer).ShouldBe(("12/STTTT-CNTT", new DateOnly(2021, 1, 5), DatePrecision.Day, "Phó Giám đốc Nguyễn Văn An"));
        letter.Issuer.ShouldBe("Sở Thông tin và Truyền thông", "the seed letter's issuer is kept");
        (plan.PublishedBy, plan.PublishedAtUtc).ShouldBe(("admin", _clock.GetUtcNow().UtcDateTime));
        plan.AppendixSha256.ShouldNotBeNull().Length.ShouldBe(64);
    }

    [Fact]
    public async Task Publishing_is_audited_under_the_letter_with_the_appendix_hash()
    {
        var plan = (await PublishAsync("12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Phó Giám đốc Nguyễn Văn An")).Value!;

        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var row = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.PlanPublished, Ct);
        (row.PlanId, row.UnitId, row.Actor).ShouldBe((_planId, null, "admin"));
        row.DocumentRef.ShouldBe("Công văn số 12/STTTT-CNTT ngày 05/01/2021");
        row.Reason.ShouldContain("Phó Giám đốc Nguyễn Văn An");
        row.Reason.ShouldContain(plan.AppendixSha256!);
        await AuditChainCheck.ShouldBeIntactAsync(_database.Factory, Ct);
    }

    [Fact]
    public async Task The_stored_appendix_names_the_letter_and_holds_the_figures_at_publication()
    {
        var plan = (await PublishAsync("12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Phó Giám đốc Nguyễn Văn An")).Value!;

        var bytes = await PlanSteps.AppendixAsync(_database.Factory, _planId);

        PublishedAppendix.HashOf(bytes).ShouldBe(plan.AppendixSha256);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet(1);
        sheet.Cell(3, 1).GetString().ShouldBe("(Kèm theo Công văn số 12/STTTT-CNTT ngày 05 tháng 01 năm 2021 của Sở Thông tin và Truyền thông)");
        sheet.Column(3).CellsUsed().Last().GetValue<int>().ShouldBe(SeedFacts.Total);
    }

    [Fact]
    public async Task A_draft_appendix_stays_live()
    {
        var office = await SeededPlan.UnitIdAsync(_database.Factory, "VP. UBND tỉnh");
        (await new QuantityService(_database.Factory, _clock).ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, office, 60, "Giảm"), Ct)).Succeeded.ShouldBeTrue();

        using var workbook = new XLWorkbook(new MemoryStream(await PlanSteps.AppendixAsync(_database.Factory, _planId)));

        workbook.Worksheet(1).Column(3).CellsUsed().Last().GetValue<int>().ShouldBe(SeedFacts.Total - 5);
    }

    [Theory]
    [InlineData(null, "2021-01-05", "Giám đốc", AllocationErrorCode.DocumentNumberRequired)]
    [InlineData("   ", "2021-01-05", "Giám đốc", AllocationErrorCode.DocumentNumberRequired)]
    [InlineData("12/STTTT-CNTT", null, "Giám đốc", AllocationErrorCode.DocumentDateRequired)]
    [InlineData("12/STTTT-CNTT", "2021-01-05", "", AllocationErrorCode.SignerRequired)]
    [InlineData("12/STTTT-CNTT", "2021-01-05", null, AllocationErrorCode.SignerRequired)]
    public async Task A_letter_without_number_date_or_signer_is_refused_and_the_plan_stays_a_draft(
        string? number, string? date, string? signer, AllocationErrorCode expected)
    {
        var outcome = await PublishAsync(number, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), signer);

        outcome.Error!.Code.ShouldBe(expected);
        (await SeededPlan.PlanIdAsync(_database.Factory)).ShouldBe(_planId);
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        (await db.Plans.SingleAsync(p => p.Id == _planId, Ct)).Status.ShouldBe(PlanStatus.Draft);
        (await db.PublishedAppendices.AnyAsync(Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_number_longer_than_the_letter_register_keeps_is_refused()
    {
        (await PublishAsync(new string('1', 65), new DateOnly(2021, 1, 5), "Giám đốc")).Error.ShouldBe(AllocationError.DocumentNumberRequired());
    }

    [Theory]
    [InlineData(PortalRole.DistrictOfficer)]
    [InlineData(PortalRole.UnitViewer)]
    [InlineData(PortalRole.Auditor)]
    public async Task Only_the_province_administrator_publishes(PortalRole role)
    {
        var outcome = await PublishAsync("12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Giám đốc", new Caller("someone", role, 1));

        outcome.Error.ShouldBe(AllocationError.Forbidden());
    }

    [Fact]
    public async Task An_unknown_plan_is_not_found()
    {
        var outcome = await _publication.PublishAsync(SeededPlan.Admin, new PublishPlan(4242, "12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Giám đốc"), Ct);

        outcome.Error.ShouldBe(AllocationError.NotFound());
    }
}
