Console.WriteLine("gatectl");
