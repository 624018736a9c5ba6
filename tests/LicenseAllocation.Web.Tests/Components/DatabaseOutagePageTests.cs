using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Migrations.Sqlite;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Components.Pages.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>Pages over a database that stops answering: a clear sentence where the page or the dialog would be, then work as usual once it is back.</summary>
public sealed class DatabaseOutagePageTests : ComponentTestContext
{
    private const string Unavailable = "Cơ sở dữ liệu tạm thời không trả lời nên thao tác chưa được lưu";

    private readonly SwitchableFactory _factory = new();
    private BunitAuthorizationContext _auth = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices()
    {
        _auth = AddAuthorization();
        _factory.Working = Database.Factory;
        Services.AddSingleton<IDbContextFactory<AllocationDbContext>>(_factory);
    }

    [Fact]
    public async Task A_publication_during_an_outage_is_refused_in_the_dialog_and_succeeds_once_the_database_is_back()
    {
        var (dialogs, page) = RenderPlanPage();
        page.Find("button[data-testid='open-publish']").Click();
        dialogs.WaitForElement("[data-testid='publish-dialog']");
        dialogs.Find("input[data-testid='publish-number']").Input("12/STTTT-CNTT");
        dialogs.Find("input[data-testid='publish-date']").Input("05/01/2021");
        dialogs.Find("input[data-testid='publish-signer']").Input("Phó Giám đốc Nguyễn Văn An");

        _factory.Down = true;
        dialogs.Find("button[data-testid='confirm-publish']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid='publish-refusal']").TextContent.ShouldStartWith(Unavailable));
        _factory.Down = false;
        (await StoredPlan.LoadAsync(Database.Factory, Ct)).Audit.ShouldNotContain(a => a.Action == Domain.Auditing.AuditAction.PlanPublished);

        dialogs.Find("button[data-testid='confirm-publish']").Click();
        page.WaitForAssertion(() => page.Find("[data-testid='plan-status']").TextContent.ShouldBe("Đã ban hành"));
    }

    [Fact]
    public void A_page_opened_during_an_outage_says_the_database_is_not_answering()
    {
        _factory.Working = Database.Factory;
        _factory.Down = true;
        UseCulture("vi-VN");
        _auth.SetAuthorized("admin");
        _auth.SetRoles(nameof(PortalRole.ProvinceAdmin));

        var page = Render<PlanPage>(p => p.Add(x => x.PlanId, 1));

        page.WaitForAssertion(() => page.Find("[data-testid='plan-problem']").TextContent.ShouldStartWith(Unavailable));
    }

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<PlanPage> Page) RenderPlanPage()
    {
        UseCulture("vi-VN");
        _auth.SetAuthorized("admin");
        _auth.SetRoles(nameof(PortalRole.ProvinceAdmin));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<PlanPage>(p => p.Add(x => x.PlanId, 1));
        page.WaitForElement("[data-testid='plan-name']");
        return (dialogs, page);
    }

    /// <summary>The test database while <see cref="Down"/> is false; a database file that cannot be opened while it is true.</summary>
    private sealed class SwitchableFactory : IDbContextFactory<AllocationDbContext>
    {
        private static readonly DbContextOptions<AllocationDbContext> Unreachable = UnreachableOptions();

        public IDbContextFactory<AllocationDbContext> Working { get; set; } = default!;

        public bool Down { get; set; }

        public AllocationDbContext CreateDbContext() => Down ? new AllocationDbContext(Unreachable) : Working.CreateDbContext();

        private static DbContextOptions<AllocationDbContext> UnreachableOptions()
        {
            var builder = new DbContextOptionsBuilder<AllocationDbContext>();
            SqliteDatabase.Configure(builder, "Data Source=/proc/khong-co/portal.db;Mode=ReadWrite");
            return builder.Options;
        }
    }
}
