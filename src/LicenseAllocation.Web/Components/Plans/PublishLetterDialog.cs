using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Plans;

/// <summary>
/// What the dialogs that publish a document share (the province's letter, a level's decision): its number, day and
/// signer as typed, a day that does not read as dd/MM/yyyy refused before the service is asked, and every other refusal
/// kept in the dialog as the service words it. The dialog closes with what was published.
/// </summary>
public abstract class PublishLetterDialog<TPublished> : ComponentBase
{
    private string? _invalidDay;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Inject]
    private protected IStringLocalizer<Resources.Plans> Loc { get; set; } = default!;

    [Inject]
    private protected IStringLocalizer<Common> Text { get; set; } = default!;

    protected ServiceCall Publishing { get; } = new();

    protected string? Number { get; set; }

    protected string? Day { get; set; }

    protected string? Signer { get; set; }

    protected string? Refusal => _invalidDay ?? Publishing.Refusal;

    /// <summary>Asks the service to publish the document signed on <paramref name="signedOn"/>.</summary>
    protected abstract Task<Outcome<TPublished>> PublishOnAsync(DateOnly? signedOn);

    protected void Cancel() => Dialog.Cancel();

    protected async Task PublishAsync()
    {
        if (!DayText.TryParse(Day, out var date))
        {
            _invalidDay = Text[nameof(Common.InvalidDay)];
            return;
        }

        _invalidDay = null;
        var (published, document) = await Publishing.RunAsync(() => PublishOnAsync(date));
        if (published)
        {
            Dialog.Close(DialogResult.Ok(document));
        }
    }
}
