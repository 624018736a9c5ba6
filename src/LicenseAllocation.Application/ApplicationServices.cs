using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Exports;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Application.Notifications;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Requests;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Application.Seeding;
using LicenseAllocation.Application.Transfers;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Application.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LicenseAllocation.Application;

public static class ApplicationServices
{
    /// <summary>Registers the use cases. The host registers the <c>IDbContextFactory</c> for its chosen provider.</summary>
    public static IServiceCollection AddLicenseAllocationApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Common.UserOperations>();
        services.TryAddSingleton(provider => new PortalMetrics(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddScoped<QuantityService>();
        services.AddScoped<AllocationQueries>();
        services.AddScoped<TreeBrowsing>();
        services.AddSingleton<PlanTreeSnapshots>();
        services.AddScoped<PlanQueries>();
        services.AddScoped<PlanProgressQuery>();
        services.AddScoped<AppendixQuery>();
        services.AddScoped<AppendixExport>();
        services.AddScoped<AppendixPdfExport>();
        services.AddScoped<PlanPublication>();
        services.AddScoped<Decisions.DecisionPublication>();
        services.AddScoped<Decisions.DecisionQueries>();
        services.AddScoped<Decisions.DecisionAppendixExport>();
        services.AddScoped<PlanVersions>();
        services.AddScoped<PlanProduct>();
        services.AddScoped<PlanComparison>();
        services.AddScoped<DistrictQueries>();
        services.AddScoped<UnitListExport>();
        services.AddScoped<Plan2020Seeder>();
        services.AddScoped<QuantityBatchService>();
        services.AddScoped<UnitAdministration>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<BulkAccounts>();
        services.AddScoped<TwoFactorEnrolment>();
        services.AddOptions<Identity.TwoFactorOptions>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<LegacyAuditSealing>();
        services.AddOptions<ImportOptions>();
        services.AddScoped<TemplateQuery>();
        services.AddScoped<ImportService>();
        services.AddScoped<NeedService>();
        services.AddScoped<CoverageQuery>();
        services.AddScoped<PurchaseService>();
        services.AddScoped<SplitService>();
        services.AddScoped<RequestService>();
        services.AddScoped<TransferService>();
        services.AddScoped<NotificationService>();
        services.AddOptions<Notifications.Mail.SmtpOptions>();
        services.TryAddSingleton<Notifications.Mail.IMailTransport, Notifications.Mail.SmtpMailTransport>();
        services.AddScoped<Notifications.Mail.MailOutbox>();
        services.AddScoped<DongThap2025Seeder>();
        services.AddScoped<ReorganisationQueries>();
        services.AddScoped<SuccessorPlans>();
        services.AddScoped<UnitLineage>();
        services.AddScoped<StructureOnDay>();
        services.AddScoped<AgencyCodes>();
        services.AddScoped<ReorganisationImports>();
        services.AddOptions<DeploymentOptions>();
        services.AddScoped<DeploymentMappings>();
        services.AddScoped<DeploymentGroups>();
        services.AddScoped<DeploymentImports>();
        services.AddScoped<DeploymentPicture>();
        services.AddScoped<DeploymentBands>();
        services.AddScoped<DeploymentTreeBands>();
        services.AddSingleton<DeploymentTreeBandCache>();
        return services;
    }
}
