using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using AuditingText = LicenseAllocation.Web.Resources.Auditing;

namespace LicenseAllocation.Web.Components.Auditing;

public partial class AuditIntegrityPanel
{
    private readonly ServiceCall _verify = new();
    private AuditChainVerdict? _verdict;
    private AuditCheckpoint? _head;

    [Inject]
    private AuditChainVerifier Verifier { get; set; } = default!;

    [Inject]
    private IStringLocalizer<AuditingText> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var head = await Verifier.HeadAsync(Caller);
        _head = head.Succeeded ? head.Value : null;
    }

    private static string Describe(AuditChainVerdict verdict) => AuditVerdictText.Describe(verdict, CultureInfo.CurrentUICulture);

    private async Task VerifyAsync()
    {
        var (succeeded, verdict) = await _verify.RunAsync(() => Verifier.VerifyAsync(Caller));
        _verdict = succeeded ? verdict : null;
        if (_verdict is not null)
        {
            _head = new AuditCheckpoint(_verdict.HeadSequence, _verdict.HeadHash);
        }
    }
}
