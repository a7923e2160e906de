using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GateController.Cli;

/// <summary>HTTP over the daemon's Unix socket. There is no TCP endpoint to fall back to, by design.</summary>
internal sealed class AdminClient : IDisposable
{
    private readonly HttpClient _http;

    public AdminClient(string socketPath)
    {
        SocketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://gate-controller/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    public string SocketPath { get; }

    public Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<JsonNode> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);

    public Task<JsonNode> PostJsonAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent(body) }, cancellationToken);

    public Task<JsonNode> SendJsonAsync(HttpMethod method, string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent(body) }, cancellationToken);
    /// <summary>Downloads a binary answer (a sealed backup) into <paramref name="destination"/>.</summary>
    public async Task DownloadAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await Send(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccess(response, cancellationToken).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts <paramref name="content"/> and returns the binary answer (an overlay PNG) with its headers.</summary>
    public async Task<(byte[] Body, HttpResponseHeaders Headers)> PostForBytesAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        using var response = await Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccess(response, cancellationToken).ConfigureAwait(false);
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), response.Headers);
    }

    public Task<JsonNode> PostAsync(string path, HttpContent content, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, cancellationToken);

    /// <summary>Reads a newline-delimited JSON stream, one object per line, until the server or the token ends it.</summary>
    public async IAsyncEnumerable<JsonNode> StreamAsync(
        string path,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await Send(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccess(response, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0 && JsonNode.Parse(line) is { } node)
            {
                yield return node;
            }
        }
    }

    private async Task<JsonNode> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            await EnsureSuccess(response, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
        }
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (exception.InnerException is SocketException or null)
        {
            var reason = File.Exists(SocketPath) ? exception.InnerException?.Message ?? exception.Message : "there is no socket there";
            throw new CliException(
                $"cannot reach gate-controller at {SocketPath}: {reason}. " +
                "Is the daemon running (systemctl status gate-controller), and may this user use its socket (group gate-admin)?",
                ExitCodes.Unreachable);
        }
    }

    private static async Task EnsureSuccess(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var message = body;
        try
        {
            if (JsonNode.Parse(body)?["error"]?.GetValue<string>() is { } error)
            {
                message = error;
            }
        }
        catch (JsonException)
        {
            // Not our JSON error body; show it as it came.
        }

        throw new CliException(
            message.Length > 0 ? message : $"the daemon answered {(int)response.StatusCode} {response.ReasonPhrase}",
            response.StatusCode == HttpStatusCode.NotFound ? ExitCodes.NotFound : ExitCodes.Refused);
    }

    private static StringContent JsonContent(JsonNode body)
    {
        var content = new StringContent(body.ToJsonString());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public void Dispose() => _http.Dispose();
}
