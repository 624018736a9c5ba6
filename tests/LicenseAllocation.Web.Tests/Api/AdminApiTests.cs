using System.Net.Http.Headers;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>A portal of the test class's own with the province administrator's client on it, and a file posted as the imports take it.</summary>
public abstract class AdminApiTests : IAsyncLifetime
{
    protected PortalFactory Portal { get; } = new();

    protected HttpClient AdminClient { get; private set; } = default!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => AdminClient = await Portal.CreateAdminClientAsync();

    public async ValueTask DisposeAsync()
    {
        AdminClient.Dispose();
        await Portal.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The multipart form of an upload: the file in field 'file', with its name and content type.</summary>
    protected static MultipartFormDataContent FileForm(byte[] file, string name, string type)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { content, "file", name } };
    }
}
