/**
 * Real given names and surnames from many languages, combined into full names for the benchmark's
 * glossary. No names package ships in node_modules and there is no network, so the lists are here.
 */

const words = (text: string): string[] => text.trim().split(/\s+/u);

export const FIRST_NAMES = words(`
  James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew
  Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward
  Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin
  Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis Jerry Tyler Aaron Henry Douglas Peter
  Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra
  Margaret Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura
  Helen Sharon Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Samantha Katherine
  Christine Rachel Catherine Carolyn Janet Maria Heather Diane Julie Joyce Victoria Olivia Kelly
  Siobhan Niamh Aoife Ciaran Eoin Padraig Saoirse Declan Rhys Gareth Bronwen Iain Fiona Alasdair
  Hans Jurgen Klaus Wolfgang Dieter Helmut Stefan Matthias Tobias Lukas Felix Annika Katrin Sabine
  Ursula Greta Friederike Jean Pierre Jacques Michel Philippe Alain Francois Nicolas Olivier Thierry
  Amelie Camille Chloe Manon Elodie Sylvie Isabelle Veronique Juan Carlos Jose Luis Javier Alejandro
  Miguel Pablo Sergio Fernando Rafael Alvaro Lucia Carmen Pilar Rocio Marta Elena Ines Beatriz
  Giuseppe Giovanni Francesco Alessandro Matteo Lorenzo Marco Luca Andrea Paolo Giulia Chiara
  Francesca Federica Alessia Valentina Joao Tiago Rodrigo Goncalo Duarte Mariana Beatriz Leonor
  Pieter Jan Willem Sander Joris Maarten Sanne Femke Lotte Annelies Piotr Krzysztof Tomasz Pawel
  Marcin Grzegorz Agnieszka Katarzyna Malgorzata Magdalena Zofia Jakub Vladimir Sergei Dmitri
  Alexei Mikhail Nikolai Ivan Yuri Oleg Boris Andrei Natalia Olga Tatiana Svetlana Irina Ekaterina
  Anastasia Yulia Oleksandr Volodymyr Mykola Taras Bohdan Oksana Halyna Iryna Jiri Tomas Petr Lenka
  Jana Tereza Lars Erik Anders Johan Nils Sven Bjorn Ingrid Astrid Sigrid Freja Mette Soren Mikko
  Juha Jukka Aino Liisa Laszlo Istvan Zoltan Gabor Zsofia Katalin Dimitris Giorgos Nikos Eleni Maria
  Katerina Mehmet Mustafa Ahmet Emre Elif Zeynep Ayse Mohammed Ahmed Omar Ali Hassan Youssef Khalid
  Fatima Aisha Layla Mariam Noor Reza Dariush Kourosh Shirin Parisa Arjun Rahul Vikram Sanjay Rajesh
  Anil Priya Ananya Deepika Kavita Sunita Rohan Aditya Sourav Abhijit Rabindranath Wei Ming Jian
  Hao Xiaoming Lei Yan Mei Ling Xiu Hiroshi Takeshi Kenji Haruki Yuki Sakura Aiko Yumiko Naoko
  Minjun Seojun Jiwoo Doyun Jisoo Soyeon Hyejin Minji Thanh Minh Tuan Linh Huong Anh Budi Agus Dewi
  Siti Wanjiru Kamau Otieno Achieng Chinedu Ngozi Oluwaseun Adebayo Folake Kwame Kofi Ama Abena
  Thabo Sipho Nomvula Yosef Avraham Moshe Tamar Noa Yael Santiago Mateo Valentina Camila Ximena
  Guadalupe Thiago Gustavo Leticia Fernanda Rafaela Joaquin Ignacio Florencia
`);

export const SURNAMES = words(`
  Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
  Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Thompson White Harris Sanchez Clark Ramirez
  Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson
  Baker Hall Rivera Campbell Mitchell Carter Roberts Phillips Evans Turner Parker Collins Edwards
  Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey Bell Kelly Howard Ward Cox
  Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders Myers Long Ross Foster OBrien
  Gallagher Doherty Kennedy Lynch Quinn Fitzgerald McCarthy McLaughlin Byrne Nolan Sweeney Davies
  Llewellyn Pritchard Vaughan MacDonald Campbell Fraser Mackenzie Robertson Muller Schmidt Schneider
  Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Schroder Neumann
  Schwarz Zimmermann Braun Kruger Hartmann Lange Werner Krause Lehmann Kohler Dubois Durand Lefebvre
  Moreau Laurent Simon Michel Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert
  Fontaine Rousseau Vincent Chevalier Garnier Faure Mercier Blanc Guerin Boyer Gauthier Perrin
  Fernandez Gomez Diaz Moreno Alvarez Romero Navarro Ruiz Dominguez Vazquez Ramos Gil Serrano
  Blanco Molina Castro Ortega Delgado Morales Rossi Russo Ferrari Esposito Bianchi Romano Colombo
  Ricci Marino Greco Bruno Gallo Conti DeLuca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri
  Fontana Santoro Silva Santos Ferreira Pereira Oliveira Rodrigues Martins Sousa Goncalves Carvalho
  Almeida Ribeiro Pinto Teixeira Moreira DeJong Jansen DeVries VandenBerg Bakker Visser Smit Meijer
  Mulder DeGroot Bos Vos Peeters Janssens Maes Jacobs Nowak Kowalski Wisniewski Wojcik Kowalczyk
  Kaminski Lewandowski Zielinski Szymanski Wozniak Dabrowski Kozlowski Jankowski Mazur Krawczyk
  Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov
  Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Zakharov
  Shevchenko Bondarenko Kovalenko Boyko Tkachenko Kravchenko Melnyk Oliynyk Shevchuk Polishchuk
  Novak Svoboda Novotny Dvorak Cerny Prochazka Kucera Vesely Horak Nemec Andersson Johansson
  Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Hansen Jensen Nielsen
  Pedersen Christensen Rasmussen Johansen Olsen Berg Haugen Korhonen Virtanen Makinen Nieminen
  Hamalainen Laine Heikkinen Koskinen Nagy Kovacs Toth Szabo Horvath Varga Kiss Molnar Farkas
  Papadopoulos Vlachos Oikonomou Georgiou Dimitriou Yilmaz Kaya Demir Sahin Celik Yildiz Aydin
  Ozturk Arslan Dogan Haddad Khoury Mansour Nasser Saleh Rahman Hossain Chowdhury Khan Hussain
  Ahmadi Hosseini Karimi Rezaei Moradi Sharma Verma Gupta Singh Kumar Patel Reddy Iyer Nair Menon
  Mukherjee Banerjee Chatterjee Das Bose Wang Zhang Liu Chen Yang Huang Zhao Zhou Wu Xu Sun Ma Zhu
  Hu Guo Lin Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida
  Yamada Sasaki Matsumoto Inoue Kimura Kim Park Choi Jung Kang Cho Yoon Jang Lim Han Tran Le Pham
  Hoang Vu Dang Bui Do Ngo Duong Santoso Wijaya Kusuma Hidayat Mwangi Ochieng Kariuki Njoroge
  Okafor Okonkwo Adeyemi Balogun Mensah Asante Boateng Owusu Nkosi Dlamini Ndlovu Cohen Levi
  Mizrahi Peretz Friedman Goldberg Katz
`);
