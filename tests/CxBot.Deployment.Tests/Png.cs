using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CxBot.Deployment.Tests;

internal readonly record struct Rgba(byte R, byte G, byte B, byte A);

// Just enough PNG to check the icons: 8-bit RGB or RGBA, not interlaced, all five row filters.
internal sealed class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _rgba;

    private Png(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public Rgba this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return new Rgba(_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
        }
    }

    public IEnumerable<Rgba> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                yield return this[x, y];
            }
        }
    }

    public static Png Read(string path) => Decode(File.ReadAllBytes(path));

    public static Png Decode(byte[] file)
    {
        if (!file.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file.");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        var offset = Signature.Length;
        while (offset + 12 <= file.Length)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset)));
            var type = Encoding.ASCII.GetString(file, offset + 4, 4);
            var data = file.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data));
                    height = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                    var (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
                    channels = colorType switch
                    {
                        2 => 3,
                        6 => 4,
                        _ => throw new NotSupportedException($"PNG color type {colorType} (only RGB and RGBA are supported)."),
                    };
                    if (bitDepth != 8 || interlace != 0)
                    {
                        throw new NotSupportedException($"PNG bit depth {bitDepth}, interlace {interlace} (only 8-bit, not interlaced).");
                    }

                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    return new Png(width, height, Unfilter(idat.ToArray(), width, height, channels));
            }

            offset += 12 + length;
        }

        throw new InvalidDataException("PNG without IEND chunk.");
    }

    private static byte[] Unfilter(byte[] compressed, int width, int height, int channels)
    {
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var filtered = inflated.ToArray();
        var stride = width * channels;
        if (filtered.Length != height * (stride + 1))
        {
            throw new InvalidDataException($"PNG data is {filtered.Length} bytes, expected {height * (stride + 1)}.");
        }

        var raw = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = filtered[y * (stride + 1)];
            var source = filtered.AsSpan((y * (stride + 1)) + 1, stride);
            var row = raw.AsSpan(y * stride, stride);
            var previous = y > 0 ? raw.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0;
                int up = previous[i];
                int upLeft = i >= channels ? previous[i - channels] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter type {filter} in row {y}."),
                };
                row[i] = (byte)(source[i] + predictor);
            }
        }

        if (channels == 4)
        {
            return raw;
        }

        var rgba = new byte[width * height * 4];
        for (var p = 0; p < width * height; p++)
        {
            raw.AsSpan(p * 3, 3).CopyTo(rgba.AsSpan(p * 4));
            rgba[(p * 4) + 3] = 255;
        }

        return rgba;
    }

    internal static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var (dl, du, dul) = (Math.Abs(estimate - left), Math.Abs(estimate - up), Math.Abs(estimate - upLeft));
        return dl <= du && dl <= dul ? left : du <= dul ? up : upLeft;
    }
}
