"""The demo catalog's content, generated from a seed: vocabularies and plain-data generators.

Everything here is invented by the project (no downloads, no copies of real collections) and is
deterministic: the same seed gives the same partners, artists, works, genes, shows and pictures.
``artdesk.services.demo`` writes what these functions return into a catalog.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from artdesk.core.fingerprint import slug

RGB = tuple[int, int, int]

# ---------------------------------------------------------------------------------- partners
PARTNERS: tuple[dict[str, Any], ...] = (
    {
        "name": "Galerie Lindqvist & Sørensen",
        "slug": "lindqvist-sorensen",
        "type": "gallery",
        "email": "registrar@lindqvist-sorensen.example",
        "region": "Copenhagen, Denmark",
        "website": "https://lindqvist-sorensen.example",
        "profile_handle": "lindqvist-sorensen",
        "description": "Founded in 1987 in a former printworks on Vesterbro, the gallery shows "
        "Nordic abstraction, photography and a growing programme of printmaking.",
        "currencies": ("EUR", "DKK"),
        "prefix": "GLS",
    },
    {
        "name": "Moreau Contemporary",
        "slug": "moreau-contemporary",
        "type": "gallery",
        "email": "inventory@moreau-contemporary.example",
        "region": "Paris, France",
        "website": "https://moreau-contemporary.example",
        "profile_handle": "moreaucontemporary",
        "description": "A gallery in the Marais representing painters and sculptors from Europe, "
        "West Africa and the Middle East since 2004.",
        "currencies": ("EUR",),
        "prefix": "MC",
    },
    {
        "name": "Casa Azul Projects",
        "slug": "casa-azul-projects",
        "type": "gallery",
        "email": "obra@casaazulprojects.example",
        "region": "Mexico City, Mexico",
        "website": "https://casaazulprojects.example",
        "profile_handle": "casaazulprojects",
        "description": "An artist-run space turned gallery in Colonia Roma, with a focus on "
        "Latin American painting, textile art and ceramics.",
        "currencies": ("USD", "MXN"),
        "prefix": "CAP",
    },
    {
        "name": "Städtisches Kunstmuseum Ravensberg",
        "slug": "kunstmuseum-ravensberg",
        "type": "museum",
        "email": "sammlung@kunstmuseum-ravensberg.example",
        "region": "Ravensberg, Germany",
        "website": "https://kunstmuseum-ravensberg.example",
        "profile_handle": "kunstmuseumravensberg",
        "description": "The municipal museum's collection of twentieth-century and contemporary "
        "art, built from bequests and a purchase programme started in 1952.",
        "currencies": ("EUR",),
        "prefix": "KMR",
    },
    {
        "name": "Studio Nakamura-Okafor",
        "slug": "studio-nakamura-okafor",
        "type": "studio",
        "email": "studio@nakamura-okafor.example",
        "region": "Berlin, Germany",
        "website": "https://nakamura-okafor.example",
        "profile_handle": "nakamuraokafor",
        "description": "A shared studio in Wedding that manages the archive and editions of its "
        "two founders and a handful of younger artists.",
        "currencies": ("EUR", "GBP"),
        "prefix": "SNO",
    },
)
PARTNER_WEIGHTS = (0.28, 0.24, 0.18, 0.2, 0.1)

# ---------------------------------------------------------------------------------- people
# nationality: (adjective, female first names, male first names, last names, cities)
NATIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "German": (
        ("Käthe", "Ursula", "Lena", "Jördis", "Henrike", "Marlene", "Sabine", "Franziska"),
        ("Jürgen", "Günther", "Matthias", "Lutz", "Jörg", "Konrad", "Tobias", "Florian"),
        (
            "Förster",
            "Schäfer",
            "Weiß",
            "Brückner",
            "Hoffmann",
            "Krüger",
            "Vogel",
            "Lehmann",
            "Böhm",
            "Sommer",
        ),
        ("Hamburg", "Leipzig", "Köln", "Düsseldorf", "München", "Dresden", "Berlin"),
    ),
    "French": (
        ("Élise", "Hélène", "Amélie", "Chloé", "Margaux", "Solène", "Agnès"),
        ("François", "Benoît", "Léon", "Rémi", "Thibault", "Gaëtan", "Jérôme"),
        (
            "Lefèvre",
            "Moreau",
            "Dubois",
            "Girard",
            "Rousseau",
            "Fournier",
            "Mercier",
            "Duchêne",
            "Chevalier",
        ),
        ("Paris", "Lyon", "Marseille", "Nantes", "Lille", "Bordeaux"),
    ),
    "Spanish": (
        ("Begoña", "Inés", "Lucía", "Maite", "Nuria", "Pilar"),
        ("José", "Álvaro", "Íñigo", "Sergio", "Andrés", "Rubén"),
        ("Martínez", "Núñez", "Ibáñez", "García", "Peña", "Ortega", "Muñoz", "Sáez"),
        ("Madrid", "Barcelona", "Bilbao", "Sevilla", "Valencia"),
    ),
    "Portuguese": (
        ("Conceição", "Luíza", "Inês", "Beatriz", "Joana"),
        ("João", "Tomás", "Gonçalo", "Rui", "Sebastião"),
        ("Gonçalves", "Araújo", "Simões", "Magalhães", "Brandão", "Lourenço"),
        ("Lisboa", "Porto", "Coimbra"),
    ),
    "Brazilian": (
        ("Luíza", "Thaís", "Letícia", "Ana Cláudia", "Fernanda"),
        ("Caio", "Thiago", "Vinícius", "Otávio", "Rogério"),
        ("Conceição", "Araújo", "Figueiredo", "Nascimento", "Assunção", "Pereira"),
        ("São Paulo", "Rio de Janeiro", "Salvador", "Belo Horizonte", "Recife"),
    ),
    "Italian": (
        ("Giulia", "Beatrice", "Chiara", "Ludovica", "Francesca"),
        ("Niccolò", "Lorenzo", "Matteo", "Gianluca", "Tommaso"),
        ("Bianchi", "De Luca", "Esposito", "Fabbri", "Rossetti", "Mancini", "Galli"),
        ("Milano", "Torino", "Napoli", "Bologna", "Venezia", "Roma"),
    ),
    "Polish": (
        ("Zofia", "Małgorzata", "Agnieszka", "Jadwiga", "Katarzyna"),
        ("Łukasz", "Wojciech", "Przemysław", "Grzegorz", "Tadeusz"),
        ("Kowalczyk", "Nowak", "Wójcik", "Błaszczyk", "Sikora", "Żuławski"),
        ("Kraków", "Warszawa", "Łódź", "Gdańsk", "Wrocław"),
    ),
    "Czech": (
        ("Tereza", "Veronika", "Šárka", "Kateřina"),
        ("Jiří", "Ondřej", "Tomáš", "Přemysl"),
        ("Dvořák", "Procházka", "Černý", "Růžička", "Kříž"),
        ("Praha", "Brno", "Ostrava"),
    ),
    "Danish": (
        ("Søs", "Mette", "Kirstine", "Ida", "Astrid"),
        ("Søren", "Mads", "Rasmus", "Jens", "Troels"),
        ("Sørensen", "Kjærgaard", "Nørgaard", "Thomsen", "Holm", "Damgaard"),
        ("København", "Aarhus", "Odense"),
    ),
    "Swedish": (
        ("Åsa", "Linnéa", "Maja", "Ingrid", "Ebba"),
        ("Björn", "Göran", "Pär", "Anders", "Måns"),
        ("Lindqvist", "Åberg", "Håkansson", "Ek", "Sjöberg", "Lindström"),
        ("Stockholm", "Göteborg", "Malmö"),
    ),
    "Norwegian": (
        ("Sølvi", "Ragnhild", "Tuva", "Ingeborg"),
        ("Øystein", "Håkon", "Eirik", "Sindre"),
        ("Bråten", "Haugen", "Løvlie", "Strøm", "Dahl"),
        ("Oslo", "Bergen", "Trondheim"),
    ),
    "Icelandic": (
        ("Sigrún", "Guðrún", "Hildur", "Þóra"),
        ("Þórður", "Ragnar", "Einar", "Kjartan"),
        ("Gunnarsdóttir", "Jónsson", "Einarsdóttir", "Sigurðsson", "Ólafsson"),
        ("Reykjavík", "Akureyri"),
    ),
    "Hungarian": (
        ("Zsófia", "Réka", "Ildikó", "Enikő"),
        ("Bálint", "Gábor", "Zoltán", "Levente"),
        ("Szabó", "Tóth", "Kovács", "Horváth", "Fehér"),
        ("Budapest", "Debrecen", "Szeged"),
    ),
    "Turkish": (
        ("Ayşe", "Şule", "İlkay", "Gülşen", "Elif"),
        ("Çağlar", "Gökhan", "Oğuz", "Barış", "Mert"),
        ("Yılmaz", "Şahin", "Öztürk", "Çelik", "Aydın", "Kılıç"),
        ("İstanbul", "Ankara", "İzmir"),
    ),
    "Japanese": (
        ("Yūko", "Akiko", "Haruka", "Mariko", "Chiyo"),
        ("Haruki", "Sōta", "Ren", "Kenji", "Daisuke"),
        ("Nakamura", "Satō", "Itō", "Kobayashi", "Ōta", "Yoshida", "Mori"),
        ("Tokyo", "Osaka", "Kyoto", "Sapporo", "Fukuoka"),
    ),
    "Korean": (
        ("Seo-yeon", "Hye-jin", "Ji-woo", "Eun-ji"),
        ("Min-jun", "Do-hyun", "Sung-min", "Jae-won"),
        ("Kim", "Park", "Choi", "Jeong", "Han", "Yoon"),
        ("Seoul", "Busan", "Daegu"),
    ),
    "Chinese": (
        ("Xiaoling", "Meiling", "Yuxin", "Lijuan"),
        ("Wei", "Jun", "Hao", "Zhiwei"),
        ("Chen", "Liu", "Zhang", "Wang", "Huang", "Lü"),
        ("Shanghai", "Beijing", "Chengdu", "Hangzhou"),
    ),
    "Vietnamese": (
        ("Thảo", "Lan", "Hương", "Ngọc"),
        ("Minh", "Quốc", "Đức", "Tuấn"),
        ("Nguyễn", "Trần", "Lê", "Phạm", "Đặng"),
        ("Hà Nội", "Huế", "Thành phố Hồ Chí Minh"),
    ),
    "Nigerian": (
        ("Adaeze", "Ngozi", "Folasade", "Chiamaka", "Yewande"),
        ("Chidi", "Oluwaseun", "Tunde", "Emeka", "Babatunde"),
        ("Okafor", "Adeyemi", "Eze", "Balogun", "Nwosu", "Adébáyọ̀"),
        ("Lagos", "Enugu", "Ibadan", "Abuja"),
    ),
    "Ghanaian": (
        ("Ama", "Efua", "Akosua", "Abena"),
        ("Kwame", "Kofi", "Yaw", "Kwabena"),
        ("Mensah", "Boateng", "Owusu", "Asante", "Darko"),
        ("Accra", "Kumasi", "Tamale"),
    ),
    "Mexican": (
        ("Ximena", "Guadalupe", "Itzel", "Mariana", "Citlali"),
        ("Joaquín", "Emiliano", "Rodrigo", "Julián", "Tonatiuh"),
        ("Hernández", "Ramírez", "Zúñiga", "Cárdenas", "Ávila", "Téllez"),
        ("Ciudad de México", "Oaxaca", "Guadalajara", "Monterrey", "Mérida"),
    ),
    "Argentine": (
        ("Valentina", "Florencia", "Romina", "Luciana"),
        ("Agustín", "Martín", "Facundo", "Ezequiel"),
        ("Fernández", "Sosa", "Giménez", "Benítez", "Acuña"),
        ("Buenos Aires", "Rosario", "Córdoba"),
    ),
    "American": (
        ("Emily", "Dana", "Renee", "Margaret", "Tamsin", "Alexis"),
        ("Marcus", "Tyler", "Walker", "Desmond", "Nathaniel"),
        ("Whitfield", "Carter", "Brooks", "Sullivan", "Holloway", "McAllister"),
        ("New York", "Chicago", "Los Angeles", "Detroit", "Houston", "Seattle"),
    ),
    "British": (
        ("Harriet", "Imogen", "Siobhan", "Freya", "Philippa"),
        ("Oliver", "Rhys", "Alasdair", "Callum", "Hugh"),
        ("Ashworth", "Pemberton", "Hale", "Morgan", "Fairweather", "Llewellyn"),
        ("London", "Glasgow", "Manchester", "Bristol", "Cardiff"),
    ),
    "Indian": (
        ("Ananya", "Priya", "Meera", "Lakshmi"),
        ("Vikram", "Arjun", "Rohan", "Sanjay"),
        ("Iyer", "Mehta", "Banerjee", "Kapoor", "Raghunathan"),
        ("Mumbai", "Kolkata", "Chennai", "Baroda", "Delhi"),
    ),
    "Iranian": (
        ("Shirin", "Parisa", "Maryam", "Golnaz"),
        ("Dariush", "Kaveh", "Babak", "Siamak"),
        ("Ahmadi", "Karimi", "Farahani", "Tehrani", "Rostami"),
        ("Tehran", "Isfahan", "Shiraz"),
    ),
}
# Partner slug -> nationalities it leans to (the rest are drawn from everywhere).
PARTNER_NATIONS = {
    "lindqvist-sorensen": ("Danish", "Swedish", "Norwegian", "Icelandic", "German"),
    "moreau-contemporary": ("French", "Italian", "Nigerian", "Ghanaian", "Iranian", "Spanish"),
    "casa-azul-projects": ("Mexican", "Argentine", "Brazilian", "Spanish", "American"),
    "kunstmuseum-ravensberg": ("German", "Polish", "Czech", "Hungarian", "American", "British"),
    "studio-nakamura-okafor": (
        "Japanese",
        "Nigerian",
        "Korean",
        "Chinese",
        "Vietnamese",
        "Turkish",
    ),
}

# ---------------------------------------------------------------------------------- genes
GENES: dict[str, str] = {
    # styles and movements
    "Abstract Painting": "Paintings whose subject is colour, form and surface rather than a depicted scene.",
    "Color Field": "Large areas of flat or stained colour meant to envelop the viewer.",
    "Minimalism": "Reduced means, industrial materials and serial forms.",
    "Geometric Abstraction": "Abstraction built from squares, circles, lines and planes.",
    "Hard-Edge Painting": "Crisp transitions between areas of unmodulated colour.",
    "Abstract Expressionism": "Gestural abstraction of large format and visible process.",
    "Gestural": "Marks that record the movement of the hand or body.",
    "Op Art": "Optical effects of vibration, depth and movement from patterns.",
    "Pop Art": "Imagery and techniques taken from advertising, comics and mass culture.",
    "Figurative Art": "Works that depict recognisable people, animals or things.",
    "Expressionism": "Distorted form and heightened colour to convey emotion.",
    "Surrealism": "Dream imagery, unexpected juxtapositions and automatism.",
    "Conceptual Art": "The idea takes precedence over the object.",
    "Photorealism": "Painting that reproduces the look of a photograph.",
    "Contemporary Realism": "Observed, naturalistic depiction in a contemporary idiom.",
    "Post-Minimalism": "Process, materiality and the body after Minimalism.",
    "Naïve and Outsider Art": "Art made outside academic training and the art world.",
    "Land Art": "Works made in and with the landscape.",
    # subjects
    "Landscape": "Views of land, terrain and countryside.",
    "Seascape": "The sea, coasts and harbours.",
    "Portrait": "A likeness of a particular person.",
    "Self-Portrait": "The artist's own likeness.",
    "Still Life": "Arrangements of inanimate objects.",
    "Human Figure": "The body as a subject, alone or in groups.",
    "Urban Scenes": "Streets, squares and the life of cities.",
    "Architecture": "Buildings, structures and built space.",
    "Interiors": "Rooms and domestic space.",
    "Flora": "Plants, flowers and gardens.",
    "Animals": "Animals, wild and domestic.",
    "Everyday Life": "Ordinary scenes and routines.",
    "Mythology": "Myths, legends and sacred stories.",
    "Political and Social Issues": "Works that address power, labour, migration or protest.",
    "Memory and Nostalgia": "Recollection, archives and the passing of time.",
    "Text and Language": "Words, letters and writing as material.",
    "Night": "Darkness, artificial light and nocturnes.",
    # media and techniques
    "Photography": "Works made with a camera or photographic process.",
    "Black and White Photography": "Monochrome photographic prints.",
    "Color Photography": "Photographs printed in colour.",
    "Documentary Photography": "Photographs that record events and social conditions.",
    "Staged Photography": "Scenes constructed for the camera.",
    "Printmaking": "Works made from a matrix in an edition.",
    "Screen Printing": "Prints made by pushing ink through a stencilled mesh.",
    "Etching": "Intaglio prints from acid-bitten plates.",
    "Woodcut": "Relief prints cut into wood.",
    "Drawing": "Works in graphite, charcoal, ink or crayon.",
    "Watercolor": "Transparent water-based paint on paper.",
    "Collage": "Works assembled from cut and pasted materials.",
    "Sculpture": "Three-dimensional works.",
    "Bronze": "Cast bronze sculpture.",
    "Ceramics": "Fired clay: earthenware, stoneware, porcelain.",
    "Textile Art": "Weaving, embroidery, quilting and fibre.",
    "Installation": "Works that occupy and transform a space.",
    "Video Art": "Moving-image works.",
    "Mixed Media": "Works combining several materials.",
    # formal qualities and colour
    "Bright and Vivid Colors": "Saturated, intense hues.",
    "Earth Tones": "Ochres, umbers, siennas and muted greens.",
    "Pastel Colors": "Pale, soft, light-filled hues.",
    "Monochrome": "One colour in many values.",
    "Black and White": "No colour but black, white and grey.",
    "Blue": "Blue dominates.",
    "Red": "Red dominates.",
    "Green": "Green dominates.",
    "Yellow": "Yellow dominates.",
    "Pattern": "Repeated motifs and ornament.",
    "Grid": "Compositions organised on a grid.",
    "Line": "Line as the main element.",
    "Large Scale": "Works of monumental size.",
}

COLOR_PALETTES: dict[str, tuple[RGB, ...]] = {
    "Blue": ((24, 52, 120), (70, 122, 196), (190, 214, 236), (236, 240, 244)),
    "Red": ((150, 28, 30), (214, 72, 48), (240, 190, 160), (40, 20, 20)),
    "Green": ((30, 84, 52), (96, 150, 80), (206, 222, 170), (24, 36, 30)),
    "Yellow": ((232, 186, 40), (246, 226, 120), (120, 90, 30), (250, 246, 226)),
    "Earth Tones": ((122, 84, 50), (180, 130, 70), (214, 190, 150), (70, 60, 40)),
    "Pastel Colors": ((236, 200, 210), (190, 220, 230), (240, 230, 190), (210, 200, 236)),
    "Monochrome": ((40, 50, 70), (90, 104, 128), (160, 170, 190), (220, 224, 232)),
    "Black and White": ((20, 20, 20), (110, 110, 110), (190, 190, 190), (245, 245, 240)),
    "Bright and Vivid Colors": ((232, 40, 70), (250, 200, 20), (20, 150, 220), (30, 190, 110)),
}
COLOR_GENES = tuple(COLOR_PALETTES)

# ---------------------------------------------------------------------------------- works
CATEGORIES: dict[str, dict[str, Any]] = {
    "Painting": {
        "media": (
            "Oil on canvas",
            "Acrylic on canvas",
            "Oil on linen",
            "Acrylic and oil on canvas",
            "Tempera on panel",
            "Oil and pigment stick on canvas",
            "Acrylic on wood panel",
            "Encaustic on panel",
            "Gouache on board",
        ),
        "genes": {"Abstract Painting": 40},
        "size": ((30, 220), (0.55, 1.6)),
        "price": (2500, 180000),
        "role": "painter",
    },
    "Drawing, Collage or other Work on Paper": {
        "media": (
            "Charcoal on paper",
            "Watercolour on paper",
            "Ink and gouache on paper",
            "Graphite on paper",
            "Collage and pencil on paper",
            "Pastel on paper",
            "Coloured pencil on paper",
        ),
        "genes": {"Drawing": 85},
        "size": ((20, 110), (0.6, 1.5)),
        "price": (800, 30000),
        "role": "artist working on paper",
    },
    "Print": {
        "media": (
            "Screenprint in colours",
            "Etching and aquatint",
            "Lithograph",
            "Woodcut on Japanese paper",
            "Linocut",
            "Monotype",
            "Drypoint",
            "Silkscreen on Somerset paper",
        ),
        "genes": {"Printmaking": 95},
        "size": ((25, 120), (0.65, 1.45)),
        "price": (300, 9000),
        "role": "printmaker",
        "editions": True,
    },
    "Photography": {
        "media": (
            "Gelatin silver print",
            "Archival pigment print",
            "C-print",
            "Platinum-palladium print",
            "Dye sublimation print on aluminium",
            "Inkjet print on Hahnemühle Photo Rag",
        ),
        "genes": {"Photography": 100},
        "size": ((20, 180), (0.66, 1.5)),
        "price": (1200, 24000),
        "role": "photographer",
        "editions": True,
    },
    "Sculpture": {
        "media": (
            "Bronze",
            "Painted steel",
            "Marble",
            "Cast aluminium",
            "Carved oak",
            "Resin and pigment",
            "Bronze with patina",
            "Corten steel",
        ),
        "genes": {"Sculpture": 100},
        "size": ((15, 260), (0.4, 1.2)),
        "price": (4000, 220000),
        "role": "sculptor",
        "editions": "sometimes",
    },
    "Mixed Media": {
        "media": (
            "Mixed media on panel",
            "Found objects, wood and paint",
            "Textile, thread and acrylic on canvas",
            "Paper, wax and pigment on board",
            "Photograph, paint and collage on canvas",
        ),
        "genes": {"Mixed Media": 90, "Collage": 40},
        "size": ((25, 200), (0.6, 1.5)),
        "price": (1500, 60000),
        "role": "artist working across media",
    },
    "Textile Arts": {
        "media": (
            "Wool and silk tapestry",
            "Hand-woven cotton and linen",
            "Embroidery on linen",
            "Quilted cotton and found fabric",
            "Hand-dyed wool, backstrap loom",
        ),
        "genes": {"Textile Art": 100, "Pattern": 60},
        "size": ((40, 300), (0.5, 1.6)),
        "price": (2000, 70000),
        "role": "textile artist",
    },
    "Ceramics": {
        "media": (
            "Glazed stoneware",
            "Porcelain with celadon glaze",
            "Raku-fired earthenware",
            "Terracotta with slip decoration",
            "Wood-fired stoneware",
        ),
        "genes": {"Ceramics": 100},
        "size": ((12, 90), (0.5, 1.4)),
        "price": (600, 25000),
        "role": "ceramicist",
    },
    "Installation": {
        "media": (
            "Mixed media installation",
            "Neon and steel",
            "Light, sound and found objects",
            "Site-specific installation, paint and plaster",
        ),
        "genes": {"Installation": 100, "Conceptual Art": 50},
        "size": None,
        "price": (8000, 150000),
        "role": "installation artist",
    },
    "Video/Film/Animation": {
        "media": (
            "Single-channel video, colour, sound",
            "Three-channel video installation",
            "16mm film transferred to HD video",
            "Animation, colour, silent",
        ),
        "genes": {"Video Art": 100},
        "size": None,
        "price": (3000, 40000),
        "role": "video artist",
        "editions": True,
    },
}
CATEGORY_WEIGHTS = {
    "Painting": 34,
    "Drawing, Collage or other Work on Paper": 11,
    "Print": 13,
    "Photography": 15,
    "Sculpture": 11,
    "Mixed Media": 5,
    "Textile Arts": 3,
    "Ceramics": 4,
    "Installation": 2,
    "Video/Film/Animation": 2,
}
STYLE_GENES = (
    "Abstract Painting",
    "Color Field",
    "Minimalism",
    "Geometric Abstraction",
    "Hard-Edge Painting",
    "Abstract Expressionism",
    "Gestural",
    "Op Art",
    "Pop Art",
    "Figurative Art",
    "Expressionism",
    "Surrealism",
    "Conceptual Art",
    "Photorealism",
    "Contemporary Realism",
    "Post-Minimalism",
    "Naïve and Outsider Art",
    "Land Art",
)
ABSTRACT_STYLES = frozenset(
    {
        "Abstract Painting",
        "Color Field",
        "Minimalism",
        "Geometric Abstraction",
        "Hard-Edge Painting",
        "Abstract Expressionism",
        "Gestural",
        "Op Art",
        "Post-Minimalism",
    }
)
SUBJECT_GENES = (
    "Landscape",
    "Seascape",
    "Portrait",
    "Self-Portrait",
    "Still Life",
    "Human Figure",
    "Urban Scenes",
    "Architecture",
    "Interiors",
    "Flora",
    "Animals",
    "Everyday Life",
    "Mythology",
    "Political and Social Issues",
    "Memory and Nostalgia",
    "Text and Language",
    "Night",
)
CATEGORY_TECHNIQUES = {
    "Photography": (
        "Black and White Photography",
        "Color Photography",
        "Documentary Photography",
        "Staged Photography",
    ),
    "Print": ("Screen Printing", "Etching", "Woodcut"),
    "Drawing, Collage or other Work on Paper": ("Watercolor", "Collage", "Line"),
    "Sculpture": ("Bronze", "Large Scale"),
}
MEDIUM_GENES = {
    "Gelatin silver print": "Black and White Photography",
    "Platinum-palladium print": "Black and White Photography",
    "C-print": "Color Photography",
    "Archival pigment print": "Color Photography",
    "Screenprint in colours": "Screen Printing",
    "Silkscreen on Somerset paper": "Screen Printing",
    "Etching and aquatint": "Etching",
    "Drypoint": "Etching",
    "Woodcut on Japanese paper": "Woodcut",
    "Watercolour on paper": "Watercolor",
    "Collage and pencil on paper": "Collage",
    "Bronze": "Bronze",
    "Bronze with patina": "Bronze",
}

COLOR_WORDS = (
    "Blue",
    "Ochre",
    "Vermilion",
    "Grey",
    "White",
    "Umber",
    "Cobalt",
    "Rose",
    "Green",
    "Black",
    "Gold",
    "Violet",
    "Yellow",
    "Indigo",
    "Sienna",
    "Turquoise",
)
NOUNS = (
    "Field",
    "Threshold",
    "Horizon",
    "Echo",
    "Passage",
    "Fold",
    "Tide",
    "Interval",
    "Drift",
    "Vessel",
    "Signal",
    "Harbour",
    "Garden",
    "Column",
    "Orbit",
    "Ledger",
    "Meridian",
    "Veil",
    "Current",
    "Archive",
    "Window",
    "Shelter",
    "Canopy",
    "Lantern",
    "Chorus",
    "Mirror",
)
ADJECTIVES = (
    "Quiet",
    "Broken",
    "Slow",
    "Late",
    "Open",
    "Distant",
    "Silent",
    "Folded",
    "Red",
    "Northern",
    "Hidden",
    "Weightless",
    "Unfinished",
    "Second",
    "Small",
    "Lost",
    "Bright",
)
PLACES = (
    "the Harbour",
    "Skagen",
    "the Lagoon",
    "Vesterbro",
    "the Dunes",
    "the Estuary",
    "Monte Albán",
    "the Old Quarry",
    "Lake Bled",
    "the Salt Flats",
    "Belleville",
    "the Orchard",
    "Hokkaido",
    "the Northern Shore",
    "the Bay of Naples",
    "Xochimilco",
    "the Ring Road",
    "Tempelhof",
    "the Fjord",
    "Valparaíso",
)
TIMES = (
    "Dusk",
    "Dawn",
    "Noon",
    "Midnight",
    "First Light",
    "Low Tide",
    "Winter",
    "the End of Summer",
)
OBJECTS = (
    "Lemons",
    "a Blue Jug",
    "Pomegranates",
    "a Fan",
    "Shells",
    "a Mirror",
    "Oranges",
    "Books",
    "a Glass Bowl",
    "Tulips",
    "a Red Chair",
    "Bread",
    "Keys",
    "Onions",
)
SERIES_WORDS = (
    "Tidelines",
    "Quiet Geometry",
    "Night Gardens",
    "Salt and Iron",
    "Field Notes",
    "Paper Skies",
    "Lost Rooms",
    "Soft Machines",
    "Weather Reports",
    "Borderlands",
    "Small Hours",
    "Inventory",
    "Monsoon",
    "Cartographies",
    "Afterimages",
    "Black Mountain",
    "Open Studio",
    "Nocturnes",
    "Islands",
    "Thresholds",
    "Kintsugi",
    "Hinterland",
    "Everything Flows",
    "Red Earth",
    "Glass Houses",
)
THEMES = (
    "memory and displacement",
    "the rhythm of urban life",
    "light and its absence",
    "the body in space",
    "ecology and loss",
    "the language of colour",
    "domestic labour and care",
    "migration and belonging",
    "the history of abstraction",
    "landscape as archive",
    "ritual and repetition",
    "the materiality of paint",
    "architecture and power",
    "time and erosion",
    "myth and the everyday",
)
SIGNATURES = (
    "Signed and dated lower right",
    "Signed, titled and dated on verso",
    "Signed on verso",
    "Signed and numbered in pencil",
    "Unsigned",
    "Stamped with the artist's estate stamp",
    "Signed with monogram lower left",
)
CONDITIONS = (
    "Excellent",
    "Very good",
    "Very good; minor abrasion to frame",
    "Good; light foxing at margins",
    "Excellent, in the original frame",
    "Minor craquelure, stable",
)
FAIRS = ("Art Basel", "Frieze London", "CHART", "Zona Maco", "Paris+", "Art Cologne", "1-54")
FOUNDATIONS = ("Bergmann", "Osterholz", "Ahrens", "Lindemann", "Hollweg", "Kessler")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class DemoArtist:
    name: str
    nationality: str
    gender: str
    birth_year: int
    death_year: int | None
    hometown: str
    biography: str
    partners: list[int]  # indices into PARTNERS
    categories: list[str]
    styles: list[str]
    subjects: list[str]
    colors: list[str]
    series: list[str]
    price_level: float
    weight: float


@dataclass
class DemoWork:
    partner: int
    artists: list[int]  # indices into the artist list
    fields: dict[str, Any]
    editions: list[dict[str, Any]] = field(default_factory=list)
    genes: dict[str, int] = field(default_factory=dict)
    style: str = "geometric"
    palette: list[RGB] = field(default_factory=list)
    image_size: tuple[int, int] = (600, 450)
    image_seed: int = 0


def _pick_weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _a(word: str) -> str:
    return "an" if word[:1] in "AEIOU" else "a"


def make_artists(rng: random.Random, n: int) -> list[DemoArtist]:
    out: list[DemoArtist] = []
    seen: set[str] = set()
    nations = list(NATIONS)
    while len(out) < n:
        partner = rng.choices(range(len(PARTNERS)), weights=PARTNER_WEIGHTS)[0]
        leaning = PARTNER_NATIONS[PARTNERS[partner]["slug"]]
        nationality = rng.choice(leaning) if rng.random() < 0.7 else rng.choice(nations)
        female, male, last, cities = NATIONS[nationality]
        gender = rng.choice(("female", "male")) if rng.random() < 0.96 else "non-binary"
        first = rng.choice(
            female if gender == "female" else male if gender == "male" else female + male
        )
        name = f"{first} {rng.choice(last)}"
        if rng.random() < 0.06:
            name = f"{first} {rng.choice(last)}-{rng.choice(last)}"
        key = slug(name)
        if key in seen or len(set(name.split()[-1].split("-"))) < len(name.split()[-1].split("-")):
            continue
        seen.add(key)
        era = rng.random()
        birth = rng.randint(1885, 1945) if era < 0.3 else rng.randint(1946, 1999)
        death = None
        if birth < 1950 and rng.random() < (0.85 if birth < 1925 else 0.35):
            death = min(2024, birth + rng.randint(48, 96))
        primary = _pick_weighted(rng, CATEGORY_WEIGHTS)
        categories = [primary]
        if rng.random() < 0.45:
            second = _pick_weighted(rng, CATEGORY_WEIGHTS)
            if second != primary:
                categories.append(second)
        abstract = rng.random() < 0.5
        style_pool = [s for s in STYLE_GENES if (s in ABSTRACT_STYLES) == abstract]
        styles = rng.sample(style_pool, rng.randint(2, 3))
        subjects = (
            rng.sample(SUBJECT_GENES, rng.randint(1, 3))
            if not abstract or rng.random() < 0.3
            else []
        )
        colors = rng.sample(COLOR_GENES, rng.randint(1, 2))
        if primary == "Photography" and rng.random() < 0.5:
            colors = ["Black and White"]
        series = rng.sample(SERIES_WORDS, rng.randint(0, 3))
        partners = [partner]
        if rng.random() < 0.12:
            other = rng.randrange(len(PARTNERS))
            if other != partner:
                partners.append(other)
        city = rng.choice(cities)
        role = CATEGORIES[primary]["role"]
        lived = f"{birth}–{death}" if death else f"born {birth}"
        theme, theme2 = rng.sample(THEMES, 2)
        bio = (
            f"{name} ({lived}, {city}) is {_a(nationality)} {nationality} {role} whose work explores {theme}. "
            if death is None
            else f"{name} ({lived}) was {_a(nationality)} {nationality} {role} from {city} whose work explored {theme}. "
        )
        bio += rng.choice(
            (
                f"After studying in {rng.choice(cities)}, {first} developed a practice centred on "
                f"{styles[0].lower()} and {theme2}.",
                f"{first}'s {('series ' + repr(series[0])) if series else 'recent work'} has been "
                f"shown widely in Europe and the Americas.",
                f"Known for {styles[0].lower()}, {first} often returns to {theme2}.",
            )
        )
        out.append(
            DemoArtist(
                name=name,
                nationality=nationality,
                gender=gender,
                birth_year=birth,
                death_year=death,
                hometown=city,
                biography=bio,
                partners=partners,
                categories=categories,
                styles=styles,
                subjects=subjects,
                colors=colors,
                series=series,
                price_level=math.exp(rng.gauss(0, 0.7)),
                weight=rng.paretovariate(1.6),
            )
        )
    return out


def _nice_price(value: float) -> int:
    step = 50 if value < 2000 else 100 if value < 10000 else 500 if value < 50000 else 1000
    return max(step, int(round(value / step) * step))


def _inches(cm: float) -> str:
    inches = cm / 2.54
    whole = int(inches)
    eighths = round((inches - whole) * 8)
    if eighths == 8:
        whole, eighths = whole + 1, 0
    if eighths == 0:
        return str(whole)
    g = math.gcd(eighths, 8)
    return f"{whole} {eighths // g}/{8 // g}" if whole else f"{eighths // g}/{8 // g}"


def _dimensions(
    rng: random.Random, category: str
) -> tuple[str | None, dict[str, float | None], float]:
    """(text, structured cm values, aspect w/h for the picture)."""
    spec = CATEGORIES[category]["size"]
    if spec is None:
        if category == "Video/Film/Animation":
            minutes = rng.randint(3, 42)
            return f"{minutes} min. {rng.randint(0, 59):02d} sec.", {}, 16 / 9
        return "Dimensions variable", {}, rng.choice((4 / 3, 3 / 2, 1.0))
    (lo, hi), (alo, ahi) = spec
    h = round(rng.uniform(lo, hi) * (rng.uniform(0.7, 1.0) if rng.random() < 0.6 else 1.0), 1)
    aspect = rng.uniform(alo, ahi)
    if rng.random() < 0.2:
        aspect = 1.0
    w = round(h * aspect, 1)
    if category in ("Sculpture", "Ceramics"):
        if category == "Ceramics" and rng.random() < 0.45:
            d = round(h * rng.uniform(0.6, 1.4), 1)
            text = f"{h:g} × Ø {d:g} cm ({_inches(h)} × Ø {_inches(d)} in)"
            return text, {"height_cm": h, "diameter_cm": d}, 0.8
        depth = round(w * rng.uniform(0.3, 1.0), 1)
        text = f"{h:g} × {w:g} × {depth:g} cm ({_inches(h)} × {_inches(w)} × {_inches(depth)} in)"
        return text, {"height_cm": h, "width_cm": w, "depth_cm": depth}, 0.75
    if category == "Painting" and rng.random() < 0.15:
        depth = round(rng.uniform(2, 6), 1)
        text = f"{h:g} × {w:g} × {depth:g} cm"
        return text, {"height_cm": h, "width_cm": w, "depth_cm": depth}, w / h
    if rng.random() < 0.3:
        text = f"{_inches(h)} × {_inches(w)} in ({h:g} × {w:g} cm)"
    else:
        text = f"{h:g} × {w:g} cm ({_inches(h)} × {_inches(w)} in)"
    return text, {"height_cm": h, "width_cm": w}, w / h


def _date_text(rng: random.Random, year: int) -> str:
    r = rng.random()
    if r < 0.55:
        return str(year)
    if r < 0.65:
        return f"c. {year}"
    if r < 0.75:
        end = year + rng.randint(1, 3)
        return f"{year}–{str(end)[2:]}" if end // 100 == year // 100 else f"{year}–{end}"
    if r < 0.8:
        return f"{year}-{year + rng.randint(1, 4)}"
    if r < 0.85:
        return f"circa {year}"
    if r < 0.9:
        return f"{year}/{str(year + 1)[2:]}"
    if r < 0.94:
        return f"{year}, printed {year + rng.randint(1, 12)}"
    if r < 0.97:
        return f"executed in {year}"
    return f"early {year // 10 * 10}s"


def _title(
    rng: random.Random,
    artist: DemoArtist,
    category: str,
    n_in_series: int | None,
    series: str | None,
) -> tuple[str, list[str]]:
    """A title and the subject genes it implies."""
    first_names = NATIONS[artist.nationality][0] + NATIONS[artist.nationality][1]
    if series is not None and n_in_series is not None:
        shape = rng.random()
        if shape < 0.45:
            return f"{series} {n_in_series}", []
        if shape < 0.7:
            return f"{series} No. {n_in_series}", []
        if shape < 0.85:
            return f"Untitled ({series} {ROMAN[(n_in_series - 1) % len(ROMAN)]})", []
        return f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}, from the series {series}", []
    subject = rng.choice(artist.subjects) if artist.subjects and rng.random() < 0.8 else None
    if subject in ("Landscape", "Land Art"):
        return rng.choice(
            (
                f"{rng.choice(PLACES).replace('the ', 'The ', 1)} at {rng.choice(TIMES)}",
                f"View of {rng.choice(PLACES)}",
                f"Fog over {rng.choice(PLACES)}",
                f"{rng.choice(TIMES)}, {rng.choice(PLACES)}",
            )
        ), ["Landscape"]
    if subject == "Seascape":
        return rng.choice(
            (
                f"Sea at {rng.choice(TIMES)}",
                f"Breakwater, {rng.choice(PLACES)}",
                f"The {rng.choice(ADJECTIVES)} Shore",
            )
        ), ["Seascape"]
    if subject in ("Portrait", "Self-Portrait"):
        if subject == "Self-Portrait" or rng.random() < 0.2:
            return f"Self-Portrait with {rng.choice(OBJECTS)}", ["Self-Portrait", "Portrait"]
        return rng.choice(
            (
                f"Portrait of {rng.choice(first_names)}",
                f"{rng.choice(first_names)} Reading",
                f"{rng.choice(first_names)} in a {rng.choice(COLOR_WORDS)} Dress",
            )
        ), ["Portrait"]
    if subject == "Still Life":
        a, b = rng.sample(OBJECTS, 2)
        return f"Still Life with {a} and {b}", ["Still Life"]
    if subject in ("Urban Scenes", "Architecture", "Interiors", "Night"):
        city = rng.choice(NATIONS[artist.nationality][3])
        return rng.choice(
            (
                f"{city}, {rng.choice(TIMES)}",
                f"Facade ({city})",
                f"Interior with {rng.choice(OBJECTS)}",
                f"Night Street, {city}",
            )
        ), [subject]
    if subject is not None:
        return rng.choice(
            (
                f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}",
                f"The {rng.choice(NOUNS)}",
                f"Study for {rng.choice(NOUNS)}",
            )
        ), [subject]
    if category == "Photography" and rng.random() < 0.4:
        return rng.choice(
            (
                f"Untitled #{rng.randint(1, 240)}",
                f"{rng.choice(NATIONS[artist.nationality][3])}, {rng.randint(1960, 2023)}",
            )
        ), ["Urban Scenes"]
    shape = rng.random()
    if shape < 0.2:
        return "Untitled", []
    if shape < 0.4:
        return f"Untitled ({rng.choice(COLOR_WORDS)} {rng.choice(NOUNS)})", []
    if shape < 0.6:
        a, b = rng.sample(COLOR_WORDS, 2)
        return f"Composition in {a} and {b}", []
    if shape < 0.8:
        return f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}", []
    return f"{rng.choice(NOUNS)} {rng.choice(ROMAN)}", []


def _available_editions(rng: random.Random, size: int) -> list[str | int]:
    """Which numbers of an edition are still for sale, e.g. ``['1', 2, '3-9']``."""
    free = [i for i in range(1, size + 1) if rng.random() < 0.55]
    out: list[str | int] = []
    i = 0
    while i < len(free):
        j = i
        while j + 1 < len(free) and free[j + 1] == free[j] + 1:
            j += 1
        if j > i:
            out.append(f"{free[i]}-{free[j]}")
        else:
            out.append(free[i] if rng.random() < 0.5 else str(free[i]))
        i = j + 1
    return out


def _editions(
    rng: random.Random,
    category: str,
    price: int | None,
    currency: str,
    dims: str | None,
    cm: dict[str, float | None],
) -> list[dict[str, Any]]:
    rule = CATEGORIES[category].get("editions")
    if not rule or (rule == "sometimes" and rng.random() < 0.6):
        return []
    if category == "Print":
        size = rng.choice((10, 15, 20, 25, 30, 35, 40, 50, 60, 75, 100))
    elif category == "Sculpture":
        size = rng.choice((3, 6, 8, 9, 12))
    elif category == "Video/Film/Animation":
        size = rng.choice((3, 5, 6))
    else:
        size = rng.choice((3, 5, 6, 7, 8, 10, 12, 15, 25))
    sets = [(f"Edition of {size}", size)]
    if category == "Photography" and rng.random() < 0.25:
        small = rng.choice((10, 15, 20))
        sets.append((f"Edition of {small} (small format)", small))
    out = []
    for n, (label, sz) in enumerate(sets):
        avail = _available_editions(rng, sz)
        edition_price = None if price is None else _nice_price(price * (1 if n == 0 else 0.45))
        out.append(
            {
                "label": label,
                "size": sz,
                "artist_proofs": rng.choice((0, 1, 2, 2, 3, 5)),
                "prototypes": 1 if category == "Sculpture" and rng.random() < 0.3 else None,
                "available_editions": avail or None,
                "price": edition_price,
                "currency": currency if edition_price is not None else None,
                "availability": "available" if avail else "sold",
                "dimensions": dims if n == 0 else None,
                **({k: v for k, v in cm.items()} if n == 0 else {}),
            }
        )
    return out


def _genes(
    rng: random.Random,
    artist: DemoArtist,
    category: str,
    medium: str,
    subjects: list[str],
    cm: dict[str, float | None],
) -> dict[str, int]:
    g: dict[str, float] = {}

    def put(name: str, value: float) -> None:
        g[name] = max(g.get(name, 0), value)

    for name, v in CATEGORIES[category]["genes"].items():
        put(name, v + rng.uniform(-5, 5))
    if medium in MEDIUM_GENES:
        put(MEDIUM_GENES[medium], rng.uniform(80, 100))
    elif category in CATEGORY_TECHNIQUES and rng.random() < 0.6:
        put(rng.choice(CATEGORY_TECHNIQUES[category]), rng.uniform(55, 90))
    for i, s in enumerate(artist.styles):
        if rng.random() < 0.9:
            put(s, rng.uniform(70, 100) - 12 * i)
    if category == "Painting" and not any(s in ABSTRACT_STYLES for s in artist.styles):
        g.pop("Abstract Painting", None)
        put("Figurative Art", rng.uniform(60, 90))
    for s in subjects:
        put(s, rng.uniform(75, 100))
    for s in artist.subjects:
        if s not in subjects and rng.random() < 0.3:
            put(s, rng.uniform(30, 60))
    for i, c in enumerate(artist.colors):
        put(c, rng.uniform(55, 95) - 15 * i)
    if rng.random() < 0.15:
        put(rng.choice(COLOR_GENES), rng.uniform(20, 50))
    if (cm.get("height_cm") or 0) > 180 or (cm.get("width_cm") or 0) > 200:
        put("Large Scale", rng.uniform(70, 100))
    return {k: int(max(1, min(100, round(v)))) for k, v in g.items()}


def picture_style(genes: dict[str, int], category: str) -> str:
    """Which composition style fits a work's strongest genes."""
    ranked = sorted(genes.items(), key=lambda kv: -kv[1])
    for name, _ in ranked:
        if name in ("Color Field", "Minimalism", "Post-Minimalism"):
            return "color_field"
        if name in ("Geometric Abstraction", "Hard-Edge Painting", "Pop Art"):
            return "geometric"
        if name in ("Op Art", "Grid", "Pattern", "Textile Art"):
            return "grid"
        if name in ("Gestural", "Abstract Expressionism", "Expressionism", "Abstract Painting"):
            return "gestural"
        if name in ("Landscape", "Seascape", "Land Art", "Urban Scenes", "Architecture", "Night"):
            return "landscape"
        if name in ("Portrait", "Self-Portrait", "Human Figure", "Figurative Art"):
            return "figure"
    return "photo" if category == "Photography" else "geometric"


def palette_for(rng: random.Random, genes: dict[str, int]) -> list[RGB]:
    colors = sorted((g for g in genes if g in COLOR_PALETTES), key=lambda g: -genes[g])
    base = list(COLOR_PALETTES[colors[0]]) if colors else list(COLOR_PALETTES["Earth Tones"])
    if len(colors) > 1:
        base[1:3] = COLOR_PALETTES[colors[1]][:2]
    rng.shuffle(base)
    return [tuple(max(0, min(255, v + rng.randint(-20, 20))) for v in c) for c in base]  # type: ignore[misc]


def make_works(rng: random.Random, artists: list[DemoArtist], n: int) -> list[DemoWork]:
    weights = [a.weight for a in artists]
    counters: dict[tuple[int, str], int] = {}
    inventory: dict[int, int] = {}
    works: list[DemoWork] = []
    for _ in range(n):
        ai = rng.choices(range(len(artists)), weights=weights)[0]
        artist = artists[ai]
        names = [ai]
        if rng.random() < 0.03:
            other = rng.randrange(len(artists))
            if other != ai:
                names.append(other)
        partner = rng.choice(artist.partners)
        pinfo = PARTNERS[partner]
        category = (
            artist.categories[0]
            if rng.random() < 0.8 or len(artist.categories) == 1
            else artist.categories[1]
        )
        spec = CATEGORIES[category]
        last = artist.death_year or 2025
        start = min(last, artist.birth_year + 20)
        year = rng.randint(start, max(start, min(last, 2025)))
        undated = rng.random() < 0.01
        date_text = "n.d." if undated else _date_text(rng, year)
        series = None
        n_in = None
        if artist.series and rng.random() < 0.45:
            series = rng.choice(artist.series)
            n_in = counters[(ai, series)] = counters.get((ai, series), 0) + 1
        title, subjects = _title(rng, artist, category, n_in, series)
        medium = rng.choice(spec["media"])
        dims, cm, aspect = _dimensions(rng, category)
        museum = pinfo["type"] == "museum"
        currency = rng.choice(pinfo["currencies"])
        lo, hi = spec["price"]
        price = None
        if not museum:
            raw = math.exp(rng.uniform(math.log(lo), math.log(hi))) * artist.price_level
            if currency == "MXN":
                raw *= 17
            elif currency == "DKK":
                raw *= 7.5
            price = _nice_price(min(raw, hi * 4))
        if museum:
            availability = "not_for_sale"
        else:
            availability = rng.choices(
                ("available", "sold", "reserved", "not_for_sale"), weights=(56, 26, 7, 11)
            )[0]
        inventory[partner] = inventory.get(partner, 0) + 1
        if museum:
            inv = f"{rng.randint(1952, 2024)}.{rng.randint(1, 240)}.{inventory[partner]}"
        else:
            inv = f"{pinfo['prefix']}-{year if not undated else 'ND'}-{inventory[partner]:05d}"
        artist_names = ", ".join(artists[i].name for i in names)
        edition_sets = _editions(rng, category, price, currency, dims, cm)
        genes = _genes(rng, artist, category, medium, subjects, cm)
        top = [g for g, _ in sorted(genes.items(), key=lambda kv: -kv[1])[:3]]
        description = (
            f"{title} is a {medium[0].lower() + medium[1:]} by {artist_names}"
            + (f" from the series {series}" if series else "")
            + f". {rng.choice(('It brings together', 'The work is characteristic of', 'It is an example of', 'It reflects'))} "
            f"{' and '.join(t.lower() for t in top[:2])}"
            + (
                f", and the artist's interest in {rng.choice(THEMES)}."
                if rng.random() < 0.6
                else "."
            )
        )
        fields: dict[str, Any] = {
            "inventory_number": inv,
            "title": title,
            "date_text": date_text,
            "medium": medium,
            "category": category,
            "dimensions": dims,
            **cm,
            "price": price,
            "currency": currency if price is not None else None,
            "availability": availability,
            "description": description,
            "series": series,
            "signature": rng.choice(SIGNATURES)
            if category not in ("Installation", "Video/Film/Animation")
            else None,
            "condition": rng.choice(CONDITIONS) if rng.random() < 0.6 else None,
            "published": rng.random() < (0.8 if museum else 0.6),
        }
        if edition_sets:
            fields["availability"] = (
                "available"
                if any(e["availability"] == "available" for e in edition_sets)
                else "sold"
            )
        if museum:
            fields["credit_line"] = rng.choice(
                (
                    f"Gift of the {rng.choice(FOUNDATIONS)} Foundation, {rng.randint(1960, 2023)}",
                    f"Purchased with funds from the Friends of the Museum, {rng.randint(1960, 2023)}",
                    f"Bequest of {rng.choice(NATIONS['German'][0])} {rng.choice(NATIONS['German'][2])}, {rng.randint(1952, 2020)}",
                )
            )
        if year < 1990 or rng.random() < 0.15:
            fields["provenance"] = (
                f"The artist; private collection, {rng.choice(NATIONS[rng.choice(list(NATIONS))][3])}; "
                f"acquired from the above by the present owner{'' if not museum else ' (the museum)'}."
            )
        if rng.random() < 0.2:
            other_partner = PARTNERS[rng.randrange(len(PARTNERS))]
            fields["exhibition_history"] = (
                f"{rng.choice(SERIES_WORDS)}, {other_partner['name']}, {other_partner['region'].split(',')[0]}, "
                f"{min(2025, year + rng.randint(0, 6))}"
            )
        if rng.random() < 0.08:
            fields["literature"] = (
                f"{artist.name}: {rng.choice(SERIES_WORDS)}, exh. cat., {rng.choice(NATIONS[artist.nationality][3])} "
                f"{min(2025, year + rng.randint(1, 10))}, p. {rng.randint(12, 240)}, ill."
            )
        if not museum and rng.random() < 0.12:
            fields["confidential_notes"] = rng.choice(
                (
                    f"Consigned by a private collector; split 50/50. Floor price {price}.",
                    "Reserved for a museum committee until the end of the month.",
                    f"Insurance value {currency} {_nice_price((price or 1000) * 1.3)}.",
                    "Artist asks to be consulted before any sale to a dealer.",
                )
            )
        style = picture_style(genes, category)
        long_edge = rng.randint(440, 640)
        aspect = max(0.5, min(2.0, aspect))
        if aspect >= 1:
            size = (long_edge, max(16, round(long_edge / aspect)))
        else:
            size = (max(16, round(long_edge * aspect)), long_edge)
        works.append(
            DemoWork(
                partner=partner,
                artists=names,
                fields=fields,
                editions=edition_sets,
                genes=genes,
                style=style,
                palette=palette_for(rng, genes),
                image_size=size,
                image_seed=rng.getrandbits(31),
            )
        )
    return works


def make_shows(
    rng: random.Random, works: list[DemoWork], artists: list[DemoArtist], today: date
) -> list[dict[str, Any]]:
    """Shows per partner: closed, running and upcoming, with works of that partner."""
    by_partner: dict[int, list[int]] = {}
    for i, w in enumerate(works):
        by_partner.setdefault(w.partner, []).append(i)
    shows = []
    for p, idx in sorted(by_partner.items()):
        if not idx:
            continue
        kinds = ["closed", "closed", "running", "upcoming"] + (["closed"] if len(idx) > 400 else [])
        for k, status in enumerate(kinds):
            solo_artist = rng.choice([works[i].artists[0] for i in idx])
            solo = rng.random() < 0.6
            pool = [i for i in idx if works[i].artists[0] == solo_artist] if solo else idx
            if len(pool) < 4:
                pool, solo = idx, False
            chosen = rng.sample(pool, min(len(pool), rng.randint(8, 30)))
            if solo:
                artist = artists[solo_artist]
                name = f"{artist.name}: {rng.choice(artist.series or SERIES_WORDS)}"
            else:
                name = rng.choice(
                    (
                        f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}s: a group exhibition",
                        f"New Acquisitions {today.year - k}",
                        f"{rng.choice(SERIES_WORDS)} — works from the collection",
                        f"Summer Show {today.year - (1 if status == 'closed' else 0)}",
                    )
                )
            if status == "closed":
                start = today - timedelta(days=rng.randint(120, 900))
                end = start + timedelta(days=rng.randint(30, 80))
            elif status == "running":
                start = today - timedelta(days=rng.randint(5, 30))
                end = today + timedelta(days=rng.randint(10, 60))
            else:
                start = today + timedelta(days=rng.randint(14, 120))
                end = start + timedelta(days=rng.randint(30, 70))
            shows.append(
                {
                    "partner": p,
                    "name": name,
                    "status": status,
                    "start_date": datetime(start.year, start.month, start.day),
                    "end_date": datetime(end.year, end.month, end.day),
                    "description": f"{len(chosen)} works"
                    + (
                        f" by {artists[solo_artist].name}"
                        if solo
                        else " by artists of the programme"
                    )
                    + f" at {PARTNERS[p]['name']}.",
                    "press_release": f"{PARTNERS[p]['name']} is pleased to present {name}, "
                    f"on view {start:%d %B} to {end:%d %B %Y}.",
                    "works": chosen,
                }
            )
    return shows


def make_collections(
    rng: random.Random, works: list[DemoWork], today: date
) -> list[dict[str, Any]]:
    """Working lists a registrar keeps: ordered works, some per partner, some across partners."""
    out = []
    n = len(works)
    for p, info in enumerate(PARTNERS):
        idx = [i for i, w in enumerate(works) if w.partner == p]
        if len(idx) < 5:
            continue
        fair = rng.choice(FAIRS)
        if info["type"] == "museum":
            name, desc = (
                "Highlights of the Collection",
                "The works on the museum's highlights tour, in walking order.",
            )
        else:
            name, desc = (
                f"{fair} {today.year + 1}: booth selection",
                f"Proposed hang for the {fair} booth, left to right.",
            )
        out.append(
            {
                "name": name,
                "partner": p,
                "description": desc,
                "works": rng.sample(idx, min(len(idx), rng.randint(10, 40))),
            }
        )
    blue = [i for i, w in enumerate(works) if w.genes.get("Blue", 0) >= 60]
    if len(blue) >= 5:
        out.append(
            {
                "name": "Blue",
                "partner": None,
                "description": "Works where blue dominates, for a thematic proposal.",
                "works": rng.sample(blue, min(len(blue), 36)),
            }
        )
    paper = [i for i, w in enumerate(works) if w.fields["category"].startswith("Drawing")]
    if len(paper) >= 5:
        out.append(
            {
                "name": "Works on Paper to Reframe",
                "partner": None,
                "description": "Conservation queue: reframe before the next loan.",
                "works": rng.sample(paper, min(len(paper), 20)),
            }
        )
    out.append(
        {
            "name": f"Client proposal – {rng.choice(NATIONS['French'][0])} {rng.choice(NATIONS['French'][2])}",
            "partner": None,
            "description": "Shortlist sent on request, in order of preference.",
            "works": rng.sample(range(n), min(n, 12)),
        }
    )
    return out
