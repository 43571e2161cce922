package io.tronpay.checks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists a module's public API from its compiled classes: every public or protected type and member
 * in the packages its {@code module-info} exports without qualification. Qualified exports and
 * {@code internal} packages are not API and stay out.
 *
 * <p>The classes load in their own class loader over the module's {@code target/classes} and
 * runtime classpath, so the listing reflects this build, not the copies on the test classpath.
 */
final class ApiListing {
  private ApiListing() {}

  static String header(String module) {
    return "# Public API of " + module + ": public and protected types and members of its exported"
        + " packages.\n# Generated; regenerate with: " + ApiListingTest.REGENERATE + "\n";
  }

  static List<String> generate(Path moduleDir) throws IOException {
    Path classes = moduleDir.resolve("target/classes");
    Path descriptorFile = classes.resolve("module-info.class");
    if (!Files.exists(descriptorFile)) {
      throw new IllegalStateException(
          descriptorFile + " is missing: build the module first (mvn -pl <module> -am verify)");
    }
    ModuleDescriptor descriptor;
    try (InputStream in = Files.newInputStream(descriptorFile)) {
      descriptor = ModuleDescriptor.read(in);
    }
    Set<String> exported =
        descriptor.exports().stream()
            .filter(e -> !e.isQualified())
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toCollection(TreeSet::new));

    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    for (String entry : RuntimeClasspath.read(moduleDir)) {
      urls.add(new File(entry).toURI().toURL());
    }
    TreeMap<String, List<String>> byType = new TreeMap<>();
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      for (String pkg : exported) {
        Path dir = classes.resolve(pkg.replace('.', '/'));
        List<Path> classFiles;
        try (Stream<Path> files = Files.list(dir)) {
          classFiles = files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : classFiles) {
          String simple = file.getFileName().toString().replaceFirst("\\.class$", "");
          Class<?> type = load(loader, pkg + "." + simple);
          if (isApi(type)) {
            byType.put(type.getName(), describe(type));
          }
        }
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> typeLines : byType.values()) {
      if (!lines.isEmpty()) {
        lines.add("");
      }
      lines.addAll(typeLines);
    }
    return lines;
  }

  private static Class<?> load(ClassLoader loader, String name) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("cannot load " + name + " for the API listing", e);
    }
  }

  private static boolean isApi(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!isVisible(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static List<String> describe(Class<?> type) {
    List<String> lines = new ArrayList<>();
    lines.add(typeLine(type));
    TreeSet<String> members = new TreeSet<>();
    for (Field field : type.getDeclaredFields()) {
      if (isVisible(field.getModifiers()) && !field.isSynthetic()) {
        members.add(modifiers(field.getModifiers() & Modifier.fieldModifiers() & ~Modifier.TRANSIENT & ~Modifier.VOLATILE)
            + name(field.getGenericType()) + " " + field.getName());
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (isVisible(constructor.getModifiers()) && !constructor.isSynthetic()) {
        members.add(executable(constructor, type.getSimpleName(), null));
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (isVisible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
        members.add(executable(method, method.getName(), method.getGenericReturnType()));
      }
    }
    for (String member : members) {
      lines.add("  " + member);
    }
    return lines;
  }

  private static String typeLine(Class<?> type) {
    int mods = type.getModifiers() & Modifier.classModifiers() & ~Modifier.STRICT;
    String kind;
    if (type.isAnnotation()) {
      kind = "@interface";
      mods &= ~Modifier.ABSTRACT & ~Modifier.INTERFACE;
    } else if (type.isInterface()) {
      kind = "interface";
      mods &= ~Modifier.ABSTRACT & ~Modifier.INTERFACE;
    } else if (type.isEnum()) {
      kind = "enum";
      mods &= ~Modifier.FINAL;
    } else if (type.isRecord()) {
      kind = "record";
      mods &= ~Modifier.FINAL;
    } else {
      kind = "class";
    }
    StringBuilder line = new StringBuilder(modifiers(mods));
    if (type.isSealed()) {
      line.append("sealed ");
    }
    line.append(kind).append(' ').append(name(type)).append(typeParameters(type.getTypeParameters()));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && !type.isEnum() && !type.isRecord() && superclass != Object.class) {
      line.append(" extends ").append(name(superclass));
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0 && !type.isAnnotation()) {
      line.append(type.isInterface() ? " extends " : " implements ");
      line.append(Arrays.stream(interfaces).map(ApiListing::name).collect(Collectors.joining(", ")));
    }
    if (type.isSealed()) {
      line.append(" permits ").append(
          Arrays.stream(type.getPermittedSubclasses()).map(ApiListing::name).sorted()
              .collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  private static String executable(Executable executable, String name, Type returnType) {
    int mods = executable.getModifiers() & (executable instanceof Method
        ? Modifier.methodModifiers() : Modifier.constructorModifiers());
    // How a method is implemented is not part of its contract.
    mods &= ~Modifier.SYNCHRONIZED & ~Modifier.NATIVE & ~Modifier.STRICT;
    StringBuilder line = new StringBuilder(modifiers(mods));
    if (executable instanceof Method && ((Method) executable).isDefault()) {
      line.append("default ");
    }
    String typeParameters = typeParameters(executable.getTypeParameters());
    if (!typeParameters.isEmpty()) {
      line.append(typeParameters.substring(1)).append(' ');
    }
    if (returnType != null) {
      line.append(name(returnType)).append(' ');
    }
    line.append(name).append('(');
    Type[] parameters = executable.getGenericParameterTypes();
    if (parameters.length != executable.getParameterCount()) {
      // Inner-class and enum constructors disagree on implicit parameters; the erased list is exact.
      parameters = executable.getParameterTypes();
    }
    for (int i = 0; i < parameters.length; i++) {
      if (i > 0) {
        line.append(", ");
      }
      String parameter = name(parameters[i]);
      if (executable.isVarArgs() && i == parameters.length - 1 && parameter.endsWith("[]")) {
        parameter = parameter.substring(0, parameter.length() - 2) + "...";
      }
      line.append(parameter);
    }
    line.append(')');
    Type[] exceptions = executable.getGenericExceptionTypes();
    if (exceptions.length > 0) {
      line.append(" throws ").append(
          Arrays.stream(exceptions).map(ApiListing::name).sorted().collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (TypeVariable<?> variable : variables) {
      List<String> bounds = Arrays.stream(variable.getBounds())
          .filter(b -> b != Object.class).map(ApiListing::name).toList();
      parts.add(bounds.isEmpty()
          ? variable.getName() : variable.getName() + " extends " + String.join(" & ", bounds));
    }
    return " <" + String.join(", ", parts) + ">";
  }

  private static String name(Type type) {
    return type.getTypeName().replace('$', '.');
  }

  private static String modifiers(int modifiers) {
    String text = Modifier.toString(modifiers);
    return text.isEmpty() ? "" : text + " ";
  }

  static void write(Path file, String module, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, header(module) + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  /** The committed listing without its header comment. */
  static List<String> read(Path file) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.removeIf(l -> l.startsWith("#"));
    return lines;
  }
}
