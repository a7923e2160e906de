using System.Security.Cryptography;
using GateController.Storage.Faces;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Tests.Storage;

/// <summary>A real store in a temp directory, with a 0600 key file, a fake clock and raw SQLite access for tamper tests.</summary>
internal sealed class StoreSandbox : IDisposable
{
    public const string ModelId = "mobilefacenet_foamliu";
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public StoreSandbox(bool withKeyFile = true)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "gate-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        if (withKeyFile)
        {
            WriteKeyFile(RandomNumberGenerator.GetBytes(MasterKey.SizeInBytes), OwnerOnly);
        }
    }

    public string DataDirectory { get; }

    public string KeyFile => Path.Combine(DataDirectory, StoreOptions.DefaultMasterKeyFileName);

    public string DatabaseFile => Path.Combine(DataDirectory, "gate.db");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public StoreOptions Options => new() { DataDirectory = DataDirectory };

    public static ConsentRecord Consent(DateTimeOffset at) => new("the resident in person", at, "paper form 2026-118", "operator Li");

    public static float[] Embedding(int seed, int dimensions = 128)
    {
        var random = new Random(seed);
        var embedding = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            embedding[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return embedding;
    }

    public static byte[] Bytes(float[] embedding) => [.. embedding.SelectMany(BitConverter.GetBytes)];

    public void WriteKeyFile(byte[] key, UnixFileMode mode)
    {
        File.Delete(KeyFile);
        File.WriteAllBytes(KeyFile, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeyFile, mode);
        }
    }

    public GateStore Open(IMasterKeySource? keySource = null) =>
        GateStore.Open(Options, keySource ?? new KeyFileSource(KeyFile, createDevelopmentKey: false), Time, NullLogger<GateStore>.Instance);

    /// <summary>A second connection straight to the file, as an attacker or a forensic reader would have.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void ExecuteRaw(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public List<byte[]> ReadBlobs(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var blobs = new List<byte[]>();
        while (reader.Read())
        {
            blobs.Add((byte[])reader.GetValue(0));
        }

        return blobs;
    }

    /// <summary>Every file in the data directory (db, -wal, -shm, key file), read while SQLite may hold them open.</summary>
    public IEnumerable<(string Path, byte[] Content)> DataFiles() =>
        Directory.GetFiles(DataDirectory).Select(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return (path, memory.ToArray());
        });

    /// <summary>Names the file that holds <paramref name="needle"/>, or null when none does.</summary>
    public string? FileContaining(byte[] needle) =>
        DataFiles().FirstOrDefault(file => file.Content.AsSpan().IndexOf(needle) >= 0).Path;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
