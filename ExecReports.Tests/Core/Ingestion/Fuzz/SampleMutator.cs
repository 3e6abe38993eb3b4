using System.Text;

namespace ExecReports.Tests.Core.Ingestion.Fuzz;

// Seeded mutations of a sample file: the same seed always gives the same bytes, so a failing case is a file to keep.
public static class SampleMutator
{
    private static readonly string[] Metacharacters =
    [
        "---\n", "...\n", "[", "]", "{", "}", "&a ", "*a ", "<<: *a\n", "!!binary ", "!<tag:x> ", "? ", ": ", "|\n", ">\n", "%YAML 1.2\n",
        "\"", "'", "\\", "#", "- ", "* ", "+ ", "1. ", "> ", "## ", "# ", "```", "~~~", "    ", "\t", "**", "__", "~~", "`",
        "[x](javascript:alert(1))", "](", "<script>alert(1)</script>", "<!--", "|a|b|\n|-|-|\n", "- [ ] ", "\r", "\r\n", "\u2028",
        "\uFEFF", "\u202E", "&#0;", "\U0001F600",
    ];

    private static readonly string[] Nesters = ["[", "{a: ", "- ", "> ", "*", "_", "[x", "  - ", "\t", "(", "<a>", ">- "];

    public static byte[] Mutate(byte[] sample, int seed)
    {
        var random = new Random(seed);
        var bytes = new List<byte>(sample);
        var steps = random.Next(1, 4);
        for (var i = 0; i < steps; i++)
        {
            switch (random.Next(9))
            {
                case 0:
                    for (var flips = random.Next(1, 16); flips > 0 && bytes.Count > 0; flips--)
                    {
                        var at = random.Next(bytes.Count);
                        bytes[at] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                case 1:
                    var cut = random.Next(bytes.Count + 1);
                    bytes.RemoveRange(cut, bytes.Count - cut);
                    break;
                case 2:
                case 3:
                    Insert(bytes, random, Encoding.UTF8.GetBytes(Metacharacters[random.Next(Metacharacters.Length)]));
                    break;
                case 4:
                    var nester = Nesters[random.Next(Nesters.Length)];
                    Insert(bytes, random, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(nester, random.Next(40, 4_000)))));
                    break;
                case 5:
                    Insert(bytes, random, Encoding.UTF8.GetBytes(new string((char)random.Next('a', 'z' + 1), random.Next(5_000, 60_000))));
                    break;
                case 6:
                    Insert(bytes, random, new byte[random.Next(1, 4)]);
                    break;
                case 7:
                    var text = Encoding.UTF8.GetString([.. bytes]);
                    var encoding = random.Next(2) == 0 ? Encoding.Unicode : Encoding.BigEndianUnicode;
                    var bom = random.Next(2) == 0 ? encoding.GetPreamble() : [];
                    bytes = [.. bom, .. encoding.GetBytes(text)];
                    break;
                default:
                    // A stretch of the file repeated: duplicate keys, front matter twice, a section copied.
                    if (bytes.Count > 0)
                    {
                        var from = random.Next(bytes.Count);
                        var length = random.Next(Math.Min(bytes.Count - from, 400) + 1);
                        Insert(bytes, random, bytes.GetRange(from, length).ToArray());
                    }

                    break;
            }
        }

        return [.. bytes];
    }

    // Half the time at a line start, where YAML and Markdown metacharacters mean most.
    private static void Insert(List<byte> bytes, Random random, byte[] insert)
    {
        var at = random.Next(bytes.Count + 1);
        if (random.Next(2) == 0)
        {
            while (at > 0 && bytes[at - 1] != (byte)'\n')
            {
                at--;
            }
        }

        bytes.InsertRange(at, insert);
    }
}
