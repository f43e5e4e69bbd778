using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kangfu.Web.Modules.Registry;
using Kangfu.Web.Modules.Registry.Import;

namespace Kangfu.IntegrationTests.Registry.Import;

/// <summary>Drives the import API like the page does: upload, poll, confirm, poll.</summary>
public static class ImportApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/persons/import", form);
    }

    /// <summary>Uploads and waits for validation; fails the test if the upload is refused.</summary>
    public static async Task<ImportStatusView> ValidateAsync(HttpClient client, byte[] content, string fileName)
    {
        var response = await UploadAsync(client, content, fileName);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var started = await response.Content.ReadFromJsonAsync<ImportStarted>(Json);
        return await WaitAsync(client, started!.BatchId, ImportStatus.Validated);
    }

    public static async Task<ImportStatusView> ConfirmAsync(HttpClient client, Guid batchId)
    {
        var response = await client.PostAsync($"/api/persons/import/{batchId}/confirm", null);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await WaitAsync(client, batchId, ImportStatus.Committed);
    }

    /// <summary>Validates then confirms: the whole import as a user does it.</summary>
    public static async Task<ImportStatusView> ImportAsync(HttpClient client, byte[] content, string fileName)
    {
        var validated = await ValidateAsync(client, content, fileName);
        return await ConfirmAsync(client, validated.BatchId);
    }

    public static async Task<ImportStatusView> StatusAsync(HttpClient client, Guid batchId) =>
        (await client.GetFromJsonAsync<ImportStatusView>($"/api/persons/import/{batchId}", Json))!;

    public static async Task<ImportStatusView> WaitAsync(HttpClient client, Guid batchId, ImportStatus expected)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var status = await StatusAsync(client, batchId);
            if (status.Status is not (ImportStatus.Validating or ImportStatus.Committing) || watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.True(status.Status == expected, $"expected {expected}, got {status.Status}: {status.Message}");
                return status;
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The Chinese message of a ProblemDetails answer.</summary>
    public static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("detail").GetString() ?? "";
    }
}
