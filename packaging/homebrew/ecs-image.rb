# Homebrew formula template for ecs-image. To publish a release: put the tarball that
# `mvn -B package` makes (target/ecs-image-VERSION.tar.gz) where it can be downloaded, then
# replace URL and SHA256 below (shasum -a 256 target/ecs-image-VERSION.tar.gz) and the version.
class EcsImage < Formula
  desc "Copy Alibaba Cloud ECS custom images between regions, follow and cancel the copy"
  homepage "URL-OF-THE-PROJECT"
  url "URL-OF/ecs-image-0.1.0.tar.gz"
  sha256 "SHA256-OF-THE-TARBALL"
  license "LICENSE-OF-THE-PROJECT"

  depends_on "openjdk@17"

  def install
    # The launcher finds the jar at ../lib/ecs-image.jar from where it really lives.
    libexec.install "bin", "lib"
    (bin/"ecs-image").write_env_script libexec/"bin/ecs-image", Language::Java.overridable_java_home_env("17")
    bash_completion.install "completion/ecs-image.bash" => "ecs-image"
    man1.install "man/ecs-image.1"
    (man/"zh_CN/man1").install "man/zh_CN/man1/ecs-image.1"
  end

  def post_install
    # A class-data archive for this java: faster start. Harmless if it cannot be made.
    with_env(ECS_IMAGE_CDS_CREATE: "1") do
      quiet_system bin/"ecs-image"
    end
  end

  test do
    assert_equal "ecs-image #{version}\n", shell_output("#{bin}/ecs-image --version")
    assert_match "complete -o default -F _complete_ecs-image ecs-image", shell_output("bash -c 'source <(#{bin}/ecs-image completion) && complete -p ecs-image'")
  end
end
