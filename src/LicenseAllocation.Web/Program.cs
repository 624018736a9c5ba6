using System.Text.Json.Serialization;
using LicenseAllocation.Application;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Web.Api;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Cli;
using LicenseAllocation.Web.Components;
using LicenseAllocation.Web.Data;
using LicenseAllocation.Web.Hosting;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Security;
using MudBlazor.Services;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.WebEncoders;
using Serilog;

// `verify-audit` checks the audit chain of the configured database and exits, without starting the server.
if (args is [VerifyAuditCommand.Verb, ..])
{
    Console.OutputEncoding = System.Text.Encoding.UTF8;
    return await VerifyAuditCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

// `backup <file>` copies the configured database to a file while the portal runs, and exits.
if (args is [BackupCommand.Verb, ..])
{
    Console.OutputEncoding = System.Text.Encoding.UTF8;
    return await BackupCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
if (ConfigurationCheck.Fails(builder, Console.Error))
{
    return ConfigurationCheck.ExitCode;
}

builder.AddPortalHosting();

builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddDataProtection()
    .SetApplicationName("LicenseAllocation")
    .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(
        builder.Configuration["DataProtection:KeysPath"] ?? Path.Combine("data", "keys"), builder.Environment.ContentRootPath)));
builder.Services.AddLicenseAllocationApplication();
builder.Services.AddScoped<LicenseAllocation.Web.Components.Notifications.NotificationEvents>();
builder.Services.Configure<ImportOptions>(builder.Configuration.GetSection(ImportOptions.Section));
builder.Services.Configure<LicenseAllocation.Application.Identity.TwoFactorOptions>(builder.Configuration.GetSection(LicenseAllocation.Application.Identity.TwoFactorOptions.Section));
builder.Services.Configure<LicenseAllocation.Application.Deployments.DeploymentOptions>(builder.Configuration.GetSection(LicenseAllocation.Application.Deployments.DeploymentOptions.Section));
builder.Services.Configure<LicenseAllocation.Application.Notifications.Mail.SmtpOptions>(builder.Configuration.GetSection(LicenseAllocation.Application.Notifications.Mail.SmtpOptions.Section));
builder.Services.PostConfigure<LicenseAllocation.Application.Notifications.Mail.SmtpOptions>(options => options.PortalOrigin = PublicAddress.PublicOrigin(builder.Configuration));
builder.Services.AddHostedService<OutboxMailWorker>();
builder.Services.AddPortalAuthentication();
builder.Services.AddPortalOidc(builder.Configuration);
builder.AddPortalSecurity();
builder.Services.AddLocalization();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddProblemDetails();
// Vietnamese text goes out as UTF-8 characters, not as numeric entities for every letter with a diacritic.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

var app = builder.Build();

await app.Services.InitializeDatabaseAsync();
await app.Services.WarmUpAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

app.UsePortalHosting();

app.UseStatusCodePages();
app.UseSerilogRequestLogging();
app.UseRequestLocalization(PortalCultures.Options());
app.UseAuthentication();
app.UseBearerTokenRevalidation();
app.UseAuthorization();
app.UsePortalSecurity();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
app.MapApiV1();
app.MapCultureSwitch();
app.MapAccountEndpoints();
app.MapOidcSignIn();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(CircuitWebSockets.Configure);

await app.RunAsync();
return 0;

/// <summary>The portal's entry point; public so that test hosts can start it.</summary>
public partial class Program;
